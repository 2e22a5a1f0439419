"""The look: a theme that uses system fonts only (no font downloads) and the CSS for answers and sources."""
from __future__ import annotations

SANS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]

CSS = """
.aisec-answer .aisec-text { line-height: 1.55; }
.aisec-marker { font-weight: 600; color: var(--color-accent); white-space: nowrap; }
.aisec-cursor { opacity: .6; }
.aisec-notice { font-weight: 600; margin-bottom: .35em; }
.aisec-abstained { border-left: 4px solid #d97706; padding-left: .6em; }
.aisec-abstained .aisec-notice { color: #b45309; }
.aisec-error { border-left: 4px solid #dc2626; padding-left: .6em; }
.aisec-error .aisec-notice { color: #b91c1c; }
.aisec-meta, .aisec-note, .aisec-filters { font-size: .85em; opacity: .8; margin-top: .3em; }
.aisec-sources { margin-top: .7em; border-top: 1px solid var(--border-color-primary); padding-top: .4em; }
.aisec-sources-title { font-size: .8em; text-transform: uppercase; letter-spacing: .05em; opacity: .75; margin-bottom: .2em; }
.aisec-source { margin: .25em 0; font-size: .92em; }
.aisec-source summary { cursor: pointer; }
.aisec-num { font-weight: 600; color: var(--color-accent); }
.aisec-title { font-weight: 600; }
.aisec-path { font-size: .85em; }
.aisec-facts { font-size: .85em; opacity: .85; }
.aisec-kind { text-transform: uppercase; font-size: .8em; letter-spacing: .04em; }
.aisec-passage { white-space: pre-wrap; margin: .4em 0 .4em 1.2em; padding: .5em .7em; border-radius: 6px;
                 background: var(--background-fill-secondary); max-height: 22em; overflow-y: auto; }
.aisec-passage mark { background: #fde68a; color: inherit; padding: 0 .1em; }
.aisec-url { font-size: .8em; opacity: .75; margin-left: 1.2em; word-break: break-all; }
.aisec-banner { padding: .8em 1em; border-radius: 8px; background: #eff6ff; border: 1px solid #bfdbfe; }
.aisec-failed { background: #fef2f2; border-color: #fecaca; }
.aisec-table td, .aisec-table th { padding: .2em .8em; text-align: left; }
.aisec-table .aisec-total td { font-weight: 600; border-top: 1px solid var(--border-color-primary); }
.aisec-chart { margin: .6em 0 .2em; }
#aisec-chat .aisec-chart img { display: block; max-width: 100%; height: auto; max-height: none; margin: 0;
                               border-radius: 6px; background: #fff; }  /* Gradio caps chat images at 30vw */
.aisec-url a { color: var(--color-accent); text-decoration: underline; }
.aisec-market h3 { margin-top: 1.1em; }
.aisec-market-charts { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.aisec-market-chart { margin: 0; }
.aisec-market-chart img { max-width: 100%; height: auto; background: #fff; border-radius: 6px; }
"""


def make_theme():
    """gr.themes.Default with system fonts, so the page never asks Google Fonts for anything."""
    import gradio as gr

    return gr.themes.Default(primary_hue="indigo", font=SANS, font_mono=MONO)
