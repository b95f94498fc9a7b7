"""The writers: DOCX through docxtpl, HTML and PDF through Jinja2 and WeasyPrint, plain text;
their templates and signed compiled-template cache, the bounds on filling a template and what a
template may read, and the layout numbers."""
