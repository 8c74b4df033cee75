"""The staff lists' result table, action bar and page links drawn in Python, with the markup of
Django's admin templates (change_list_results.html, actions.html, pagination.html): at 50 rows a
page the template engine's loops over headers and rows cost several times the rows themselves.
Used by ``residents.admin_paging.LeanChangeList``; lists with ``list_editable`` keep Django's own."""

from django.contrib.admin.templatetags.admin_list import result_headers
from django.template.defaultfilters import capfirst
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def draw_table(cl, rows):
    """``admin/change_list_results.html`` for rows already drawn (one string of cells each)."""
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
    parts.extend(f"\n<tr>{row}</tr>\n" for row in rows)
    parts.append("\n</tbody>\n</table>\n</div>\n")
    return mark_safe("".join(parts))


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
