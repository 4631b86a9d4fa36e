from django import template

from reports.uploads import human_size

register = template.Library()

register.filter("human_size", human_size)
