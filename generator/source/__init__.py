"""Reading a plan: safe YAML with the position of every key and value, positioned messages, the plan
file and its logo."""
