"""The REST API's conventions, shared by every app's `api` module (/api/v1/).

A plain package, not an app: no models and no import of any app, so every app may build on
it. It holds the one error format (`errors`), throttling per token / user / address
(`throttles`), the refusal of writes with a read-only token (`permissions`), paging
(`pagination`), ETag / If-Match (`etags`), serializers that validate with the page's own
forms (`forms`), the schema's shared parts (`schema`) and the view helpers (`views`).
"""

from .messages import use_indonesian_messages

use_indonesian_messages()
