"""``esa-rules lsp``: a Language Server for drafts (.txt, .md) and rulesets (.esa), over stdio.

``settings`` (what is shown, which rulesets apply), ``drafts`` (findings as diagnostics, hovers, the
model-wording quick fix), ``rulesets`` (load errors and warnings, hovers, definitions, formatting) and
``server`` (the pygls wiring). Needs the ``lsp`` extra: ``pip install 'esa-rules[lsp]'``.
"""
