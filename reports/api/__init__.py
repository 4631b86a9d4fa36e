"""The reports app over the REST API: /api/v1/periods/, /api/v1/reports/…, /api/v1/attachments/…"""
