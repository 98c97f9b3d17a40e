import pytest

from medtune.errors import ConfigError
from medtune.export.gotemplate import render_go_template

MSGS = [{"Role": "system", "Content": "S"}, {"Role": "user", "Content": "hi"}, {"Role": "assistant", "Content": "yo"}]


def test_range_if_else_and_trim_markers():
    t = '{{- range .Messages }}\n  {{- if eq .Role "user" }}U:{{ .Content }}{{ else if eq .Role "system" }}S{{ else }}A{{ end -}}\n|{{ end }}'
    assert render_go_template(t, {"Messages": MSGS}) == "S|U:hi|A|"


def test_variables_declared_and_assigned_across_iterations():
    t = '{{- $prev := "" }}{{ range .Messages }}{{ $prev }}>{{ $prev = .Role }}{{ end }}{{ $prev }}'
    assert render_go_template(t, {"Messages": MSGS}) == ">system>user>assistant"


def test_last_message_idiom_with_len_slice_and_index():
    t = "{{- range $i, $_ := .Messages }}{{- $last := eq (len (slice $.Messages $i)) 1 }}{{ if $last }}[last {{ $i }}]{{ end }}{{ end }}"
    assert render_go_template(t, {"Messages": MSGS}) == "[last 2]"
    first = '{{- $f := index .Messages 0 }}{{ if ne $f.Role "system" }}no{{ else }}yes{{ end }}'
    assert render_go_template(first, {"Messages": MSGS}) == "yes"


def test_and_or_not_and_string_escapes():
    t = '{{ if and .A (not .B) }}{{ "a\\nb" }}{{ end }}{{ or .B "dflt" }}'
    assert render_go_template(t, {"A": "x", "B": ""}) == "a\nbdflt"


@pytest.mark.parametrize(
    "template",
    ["{{ range .Messages }}x", "{{ with .A }}x{{ end }}", '{{ printf "%s" .A }}', "{{ .Missing }}", "{{ $nope }}"],
)
def test_unsupported_or_broken_templates_are_errors_not_silent_output(template):
    with pytest.raises(ConfigError, match="template"):
        render_go_template(template, {"Messages": MSGS, "A": "a"})
