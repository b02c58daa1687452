"""The Markdown dialect of an Obsidian note, read in one place.

Every part of roadvault that asks a question about a note's text — which lines are code,
where the tasks and their block ids are, where the front matter ends, whether a merge left
conflict markers — asks one of these modules, so the answers cannot disagree (see
docs/DIALECT.md):

- `blocks`: the block structure (CommonMark, plus Obsidian's `%% … %%` comments): tasks and
  the lines that are not Markdown content (front matter, code, comments, HTML blocks);
- `frontmatter`: where the front matter ends, and the one capped YAML loader for it;
- `ids`: the block id grammar (`^id`, roadvault's `^rv-…`), finding, defusing and minting them;
- `items`: the line of an item the updates carry (lead, bullet, checkbox, text, `^rv-` id);
- `conflicts`: the conflict markers a merge writes, and finding them outside code.

Pure: text in, answers out.
"""
