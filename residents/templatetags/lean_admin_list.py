"""The staff lists' action bar and page links drawn in Python (residents/admin_drawing.py)."""

from django import template

from residents.admin_drawing import draw_actions, draw_pagination

register = template.Library()


@register.simple_tag(takes_context=True)
def lean_admin_actions(context):
    return draw_actions(context)


@register.simple_tag
def lean_pagination(cl):
    return draw_pagination(cl)
