"""The writers: DOCX through docxtpl, HTML and PDF through Jinja2 and WeasyPrint, plain text; their
templates, compiled-template cache and layout numbers."""
