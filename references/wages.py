"""Korea's legal minimum wage (최저임금) per year, and the plausible range of a posted wage.

The one place the rates are kept: vacancy validation, placements and the demo data read them here.
Rates are the Minimum Wage Commission's hourly figures as notified by the Ministry of Employment
and Labor; the notices also give the daily figure for 8 hours and the monthly one for 209 hours
(a 40-hour week with its paid weekly holiday). A year past the table uses the latest known rate.
"""

from decimal import ROUND_CEILING, Decimal

MINIMUM_HOURLY_WAGE = {
    2010: 4_110,
    2011: 4_320,
    2012: 4_580,
    2013: 4_860,
    2014: 5_210,
    2015: 5_580,
    2016: 6_030,
    2017: 6_470,
    2018: 7_530,
    2019: 8_350,
    2020: 8_590,
    2021: 8_720,
    2022: 9_160,
    2023: 9_620,
    2024: 9_860,
    2025: 10_030,
    2026: 10_320,
}

# Paid hours in a month for a 40-hour week (the minimum-wage notice's monthly standard), the
# working days in a month used to compare daily wages, and the hours of the notice's daily figure.
MONTHLY_HOURS = Decimal("209")
MONTHLY_DAYS = Decimal("21.7")
DAILY_HOURS = Decimal("8")
FULL_TIME_WEEKLY_HOURS = Decimal("40")

# The highest monthly wage (or its equivalent) the portal accepts: 100 million won a month
# (1.2 billion a year). Far above any job posted here, low enough that a wage typed in the wrong
# unit (2,600,000 won an hour = 543 million a month) is caught.
MAXIMUM_MONTHLY_WAGE = 100_000_000


def minimum_hourly_wage(year):
    """The legal minimum hourly wage of a year; the latest known rate for a later year."""
    known = [y for y in MINIMUM_HOURLY_WAGE if y <= year]
    return MINIMUM_HOURLY_WAGE[max(known)] if known else MINIMUM_HOURLY_WAGE[min(MINIMUM_HOURLY_WAGE)]


def _share_of_full_time(weekly_hours):
    hours = Decimal(weekly_hours or FULL_TIME_WEEKLY_HOURS)
    return min(hours, FULL_TIME_WEEKLY_HOURS) / FULL_TIME_WEEKLY_HOURS


def minimum_wage(*, year, unit, weekly_hours=40):
    """The least a wage in this unit may be for the weekly hours, in won (rounded up).

    Hourly: the rate. Daily: the rate for a working day of weekly_hours / 5 (at most 8) hours.
    Monthly: 209 hours for a 40-hour week, in proportion for fewer hours. Yearly: 12 months.
    Hours beyond 40 are not counted (overtime is paid on top), so no lawful wage is refused."""
    hourly = Decimal(minimum_hourly_wage(year))
    share = _share_of_full_time(weekly_hours)
    if unit == "hourly":
        amount = hourly
    elif unit == "daily":
        amount = hourly * DAILY_HOURS * share
    elif unit == "yearly":
        amount = hourly * MONTHLY_HOURS * share * 12
    else:
        amount = hourly * MONTHLY_HOURS * share
    return int(amount.quantize(Decimal(1), rounding=ROUND_CEILING))


def monthly_equivalent(*, amount, unit, weekly_hours=40):
    """A wage in any unit as a monthly wage (Decimal): the conversion the vacancy search uses."""
    amount = Decimal(amount or 0)
    if unit == "hourly":
        return (
            amount * Decimal(weekly_hours or FULL_TIME_WEEKLY_HOURS) / FULL_TIME_WEEKLY_HOURS * MONTHLY_HOURS
        )
    if unit == "daily":
        return amount * MONTHLY_DAYS
    if unit == "yearly":
        return amount / Decimal(12)
    return amount
