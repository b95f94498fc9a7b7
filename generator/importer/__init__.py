"""Reading an existing decree back into a plan: a DOCX made by anyone, or a Rencana Aksi table
kept in Excel, becomes the plan's YAML with a comment wherever the importer had to guess."""
