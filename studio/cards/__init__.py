"""Card templates: finding and validating them, the sandboxed Jinja environment, context and filters."""
