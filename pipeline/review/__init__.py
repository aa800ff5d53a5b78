"""Review: exporting the stored facts to reviewers and importing their decisions without ever
losing one — JSON Lines review files and their validation (`files`), spreadsheets (`csv`),
Label Studio and Prodigy tasks (`interop`), one HTML page per article (`html`), and scores
computed from the reviews (`score`). May import: pipeline.errors, pipeline.settings,
pipeline.records, pipeline.text, extractors, pipeline.store, pipeline.evaluate.
"""
