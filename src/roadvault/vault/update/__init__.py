"""Update: the learner's work carried from the notes on disk into a new rendering (pure).

In pipeline order:

- `identity.py`: which roadmap already in the vault an incoming one is.
- `id_carry.py`: ids carried over from the last built model to the new one (renames,
  moves, rewordings), so ticks follow their items (`carry_over_ids`).
- `item_travel.py`: across notes (`regenerate`): items travel with their tick and the
  learner's lines, removed work is archived, each note is merged; `Action`, what happens
  to a file.
- `note_merge.py`: the three-way merge of one note (`merge_note`); `reorder.py` first puts
  item blocks where the new rendering has them.

Text in, text out: no disk, no clock. What the new rendering is comes from
`vault/render/`; what is written comes from `vault/plan.py` and `vault/apply.py`.
"""
