"""The staff lists' result table, action bar and page links drawn in Python, with the markup of
Django's admin templates (change_list_results.html, actions.html, pagination.html): at 50 rows a
page the template engine's loops over headers and rows cost several times the rows themselves.
Used by ``residents.admin_paging.LeanChangeList``; lists with ``list_editable`` keep Django's own."""

from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.views.main import ALL_VAR, PAGE_VAR
from django.template.defaultfilters import capfirst
from django.utils import formats
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext


def draw_table(cl, rows, rows_mark=None):
    """``admin/change_list_results.html`` for rows already drawn (one string of cells each); with
    ``rows_mark``, the rows stand between two of them (residents.admin_kept_list cuts there)."""
    if not rows:
        return mark_safe("\n")
    headers = list(result_headers(cl))
    sorted_count = sum(1 for header in headers if header["sortable"] and header["sorted"])
    parts = ['\n<div class="results">\n<table id="result_list">\n<thead>\n<tr>']
    for header in headers:
        parts.append(f'\n<th scope="col"{header["class_attrib"]}>\n   ')
        if header["sortable"] and header["sort_priority"] > 0:
            parts.append(_sort_options(header, sorted_count))
        text = conditional_escape(capfirst(header["text"]))
        if header["sortable"]:
            shown = f'<a href="{escape(header["url_primary"])}">{text}</a>'
        else:
            shown = f"<span>{text}</span>"
        parts.append(f'\n   <div class="text">{shown}</div>\n   <div class="clear"></div>\n</th>')
    parts.append("\n</tr>\n</thead>\n<tbody>\n")
    if rows_mark:
        parts.append(rows_mark)
    parts.append(draw_rows(rows))
    if rows_mark:
        parts.append(rows_mark)
    parts.append("\n</tbody>\n</table>\n</div>\n")
    return mark_safe("".join(parts))


def draw_rows(rows):
    """The table's body rows, as change_list_results.html draws them."""
    return "".join(f"\n<tr>{row}</tr>\n" for row in rows)


def _sort_options(header, sorted_count):
    priority = ""
    if sorted_count > 1:
        title = gettext("Sorting priority: %(priority_number)s") % {
            "priority_number": escape(header["sort_priority"])
        }
        priority = f'<span class="sortpriority" title="{title}">{escape(header["sort_priority"])}</span>'
    direction = "ascending" if header["ascending"] else "descending"
    return (
        '\n       <div class="sortoptions">\n'
        f'         <a class="sortremove" href="{escape(header["url_remove"])}" '
        f'title="{escape(gettext("Remove from sorting"))}"></a>\n'
        f"         {priority}\n"
        f'         <a href="{escape(header["url_toggle"])}" class="toggle {direction}" '
        f'title="{escape(gettext("Toggle sorting"))}"></a>\n'
        "       </div>\n   "
    )


def capped_count_text(paginator):
    """What a search counted only up to its cap found: "1,000+" (at least the cap, maybe more)."""
    return f"{formats.localize(paginator.search_cap, use_l10n=True)}+"


def draw_pagination(cl):
    """``admin/pagination.html`` (``{% pagination cl %}``) for a list without list_editable."""
    required = (not cl.show_all or not cl.can_show_all) and cl.multi_page
    parts = ['\n\n<p class="paginator">\n']
    if required:
        ellipsis, last = cl.paginator.ELLIPSIS, cl.paginator.num_pages
        parts.append("\n")
        for number in cl.paginator.get_elided_page_range(cl.page_num):
            if number == ellipsis:
                link = f"{escape(ellipsis)} "
            elif number == cl.page_num:
                link = f'<span class="this-page">{number}</span> '
            else:
                end = ' class="end"' if number == last else ""
                link = f'<a href="{escape(cl.get_query_string({PAGE_VAR: number}))}"{end}>{number}</a> '
            parts.append(f"\n    {link}\n")
        parts.append("\n")
    if getattr(cl.paginator, "search_capped", False):
        # A search counted only up to its cap (residents.admin_paging.SEARCH_COUNT_CAP).
        more = gettext("%(count)s건 이상 — 검색어를 더 구체적으로 입력하세요") % {
            "count": formats.localize(cl.paginator.search_cap, use_l10n=True)
        }
        parts.append(f'\n<span class="search-capped">{escape(more)}</span>\n')
    else:
        name = cl.opts.verbose_name if cl.result_count == 1 else cl.opts.verbose_name_plural
        parts.append(f"\n{escape(formats.localize(cl.result_count))} {escape(name)}\n")
    if cl.can_show_all and not cl.show_all and cl.multi_page:
        url = escape(cl.get_query_string({ALL_VAR: ""}))
        parts.append(f'<a href="{url}" class="showall">{escape(gettext("Show all"))}</a>')
    parts.append("\n\n</p>")
    return mark_safe("".join(parts))


# The action form's fields drawn once per language and set of choices (the same on every GET).
_action_fields = {}


def draw_actions(context):
    """``admin/actions.html`` (``{% admin_actions %}``), the form's fields drawn once."""
    context["action_index"] = context.get("action_index", -1) + 1
    cl, form = context["cl"], context["action_form"]
    choices = tuple((value, str(label)) for value, label in form.fields["action"].choices)
    key = (type(form), get_language(), choices)
    fields = _action_fields.get(key)
    if fields is None:
        fields = "".join(
            f"<label>{conditional_escape(field.label)} {field}</label>" if field.label else str(field)
            for field in form
        )
        if len(_action_fields) > 100:
            _action_fields.clear()
        _action_fields[key] = fields
    parts = [
        '\n<div class="actions">\n  \n    \n    ',
        fields,
        "\n    \n    \n    "
        f'<button type="submit" class="button" title="{escape(gettext("Run the selected action"))}" '
        f'name="index" value="{context["action_index"] or 0}">{escape(gettext("Go"))}</button>\n    \n    \n    ',
    ]
    if context.get("actions_selection_counter"):
        shown = len(cl.result_list)
        parts.append(
            f'\n        <span class="action-counter" data-actions-icnt="{escape(formats.localize(shown))}">'
            f"{conditional_escape(context.get('selection_note', ''))}</span>\n        "
        )
        if cl.result_count != shown:
            if getattr(cl.paginator, "search_capped", False):
                total = capped_count_text(cl.paginator)
            else:
                total = formats.localize(cl.result_count)
            select_all = gettext("Select all %(total_count)s %(module_name)s") % {
                "total_count": escape(total),
                "module_name": conditional_escape(context.get("module_name", "")),
            }
            title = escape(gettext("Click here to select the objects across all pages"))
            parts.append(
                f'\n        <span class="all hidden">{conditional_escape(context.get("selection_note_all", ""))}'
                "</span>\n"
                '        <span class="question hidden">\n'
                f'            <a role="button" href="#" title="{title}">{select_all}</a>\n'
                "        </span>\n"
                f'        <span class="clear hidden"><a role="button" href="#">{escape(gettext("Clear selection"))}'
                "</a></span>\n        "
            )
        parts.append("\n    ")
    parts.append("\n    \n  \n</div>\n")
    return mark_safe("".join(parts))
