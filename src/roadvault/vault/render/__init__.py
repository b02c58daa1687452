"""Render: a roadmap model → the text of every file a build generates (pure, deterministic).

In pipeline order:

- `layout.py`: where each node lives (`plan_layout`): which nodes get a note, in which
  folder, under which name; `names.py` makes those names safe and unique.
- `notes.py`: model + layout → the notes' text (roadmap, phase and topic notes, Home.md's
  list) and every generated file of a roadmap (`render_vault`), with `canvas.py` (the map
  as JSON Canvas) and `text.py` (titles as list item text).

Nothing here reads the vault or knows what the learner wrote; carrying their work into
the new rendering is `vault/update/`.
"""
