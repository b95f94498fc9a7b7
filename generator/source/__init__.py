"""Reading a plan: files read only when regular and within their size, safe YAML with the
position of every key and value, positioned messages, the plan file and its logo."""
