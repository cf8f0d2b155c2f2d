#include "serve/assets.h"

namespace patsub::serve {

namespace {

constexpr std::string_view kCss = R"css(
:root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe2; --accent: #a4262c; --ok: #1e6b3a; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
       color: var(--ink); background: #f6f7f9; font-size: 15px; }
header { background: #23303f; color: #fff; padding: 0.6em 1.2em; display: flex; gap: 1.2em; align-items: center; flex-wrap: wrap; }
header a, header button { color: #fff; text-decoration: none; background: none; border: 0; font: inherit; cursor: pointer; }
header .who { margin-left: auto; color: #cfd8e3; }
header form { display: inline; }
main { padding: 1em 1.4em; max-width: 1320px; }
h1 { font-size: 1.4em; margin: 0.3em 0 0.6em; }
h2 { font-size: 1.15em; margin: 1.2em 0 0.5em; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.35em 0.55em; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.flash { background: #e4f3e8; border-left: 4px solid var(--ok); padding: 0.6em 1em; margin-bottom: 1em; }
.error { background: #fbe9ea; border-left: 4px solid var(--accent); padding: 0.6em 1em; margin-bottom: 1em; }
.why { color: var(--muted); font-size: 0.92em; }
.held { color: var(--accent); }
form.filters { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; margin-bottom: 1em; }
form.filters label { display: flex; flex-direction: column; font-size: 0.9em; color: var(--muted); }
input[type=text], input[type=password], select, textarea { font: inherit; padding: 0.3em; border: 1px solid #aab4bf; border-radius: 3px; }
input.wide { min-width: 22em; }
button, input[type=submit] { font: inherit; padding: 0.35em 0.9em; border: 1px solid #23303f; background: #23303f; color: #fff; border-radius: 3px; cursor: pointer; }
.actions form { display: inline-block; margin-right: 0.8em; }
.pager { margin: 0.8em 0; display: flex; gap: 1em; align-items: center; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1em; background: #fff; padding: 0.8em; border: 1px solid var(--line); }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.check-holds { color: var(--ok); }
.check-fails { color: var(--accent); }
.login { max-width: 22em; margin: 4em auto; background: #fff; padding: 1.5em; border: 1px solid var(--line); }
.login label { display: block; margin-bottom: 0.8em; }
.login input { width: 100%; }
svg { max-width: 100%; height: auto; background: #fff; }
@media print { header, .actions, form.filters, .pager { display: none; } body { background: #fff; } }
)css";

// Asks before the two actions that cannot be undone; the forms work without it.
constexpr std::string_view kJs = R"js(
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
});
)js";

}  // namespace

std::optional<Asset> asset(std::string_view name) {
    if (name == "workbench.css") return Asset{"text/css; charset=utf-8", kCss};
    if (name == "workbench.js") return Asset{"text/javascript; charset=utf-8", kJs};
    return std::nullopt;
}

}  // namespace patsub::serve
