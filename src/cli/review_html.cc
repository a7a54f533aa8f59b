#include "cli/review_html.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace wenshu::cli {
namespace {

// The page's style and script, inline so the file works offline and alone. Narrow screens (phones)
// get the panel under the text instead of beside it.
constexpr char kStyle[] = R"css(
*{box-sizing:border-box}
body{font:16px/1.7 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC",sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#f4f4f0;border-bottom:1px solid #ddd}
h1{font-size:1.15em;margin:.2em 0}
.counts span{display:inline-block;margin:.1em .5em .1em 0;padding:0 .4em;border-radius:3px;background:#e8e8e0;font-size:.85em}
.filters{font-size:.9em;margin-top:.4em}
.filters label{margin-right:.8em;white-space:nowrap}
main{display:flex;gap:1em;padding:1em;align-items:flex-start}
#text{flex:3;white-space:pre-wrap;word-break:break-all;min-width:0}
aside{flex:2;position:sticky;top:0;font-size:.9em;max-height:100vh;overflow:auto;min-width:0}
aside section{border:1px solid #ddd;border-radius:4px;padding:.5em .7em;margin-bottom:.8em}
aside h2{font-size:1em;margin:.1em 0 .4em}
.mark{cursor:pointer;border-radius:2px}
.mark.removed{background:#fde2e2}
.mark.removed del{color:#a33}
.mark.restored{background:#d9f2d9}
.mark.restored .was{color:#888;font-size:.75em;vertical-align:super;text-decoration:line-through;margin-left:1px}
.mark.flag{text-decoration:underline wavy #c80;text-underline-offset:3px}
.mark.off{background:none;text-decoration:none}
.mark.off del,.mark.off .was{display:none}
.mark.selected{outline:2px solid #36c}
.fail{color:#b00}.pass{color:#080}
a.figure{scroll-margin-top:4em}
:target + .mark, :target{outline:2px solid #b00}
table{border-collapse:collapse}td{padding:0 .4em;vertical-align:top}
@media (max-width:700px){main{flex-direction:column;padding:.5em}aside{position:static;max-height:none;width:100%}}
)css";

constexpr char kScript[] = R"js(
(function(){
var marks=[].slice.call(document.querySelectorAll('#text .mark'));
var boxes=[].slice.call(document.querySelectorAll('.filters input[data-family]'));
var min=document.getElementById('min');
function apply(){
  var hidden={};boxes.forEach(function(b){if(!b.checked)hidden[b.dataset.family]=1;});
  var m=parseFloat(min.value)||0,shown=0;
  marks.forEach(function(e){
    var c=e.dataset.confidence==='flag'?1:parseFloat(e.dataset.confidence);
    var off=hidden[e.dataset.family]||c<m;
    e.classList.toggle('off',!!off);e.setAttribute('data-shown',off?'0':'1');if(!off)shown++;});
  document.getElementById('shown').textContent=shown;
}
function fromHash(){
  var h=decodeURIComponent(location.hash.slice(1));
  h.split('&').forEach(function(kv){var p=kv.split('=');
    if(p[0]==='hide')p[1].split(',').forEach(function(f){boxes.forEach(function(b){if(b.dataset.family===f)b.checked=false;});});
    if(p[0]==='min')min.value=p[1];});
}
function show(e){
  marks.forEach(function(x){x.classList.remove('selected');});e.classList.add('selected');
  var d=document.getElementById('detail');d.innerHTML='';
  var t=document.getElementById('d-'+e.dataset.i);if(t)d.appendChild(t.content.cloneNode(true));
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
min.addEventListener('change',apply);
marks.forEach(function(e){e.addEventListener('click',function(){show(e);});});
fromHash();apply();
})();
)js";

std::string Confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string Family(std::string_view rule) {
  const size_t dot = rule.find('.');
  return std::string(dot == std::string_view::npos ? rule : rule.substr(0, dot));
}

void Attr(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendHtmlText(out, value);
  out += '"';
}

// One mark in the text: a repair record or a flag.
struct Mark {
  size_t begin, end;
  int record = -1;  // index into report.repairs, or
  int flag = -1;    // index into report.flags
};

}  // namespace

void AppendHtmlText(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const text::Decoded d = text::DecodeUtf8At(p + i, text.size() - i, true);
    if (d.len <= 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    switch (text[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.append(text.substr(i, d.len));
    }
    i += d.len;
  }
}

std::string ReviewHtml(std::string_view original, const Report& report, std::string_view name) {
  std::string out;
  out.reserve(original.size() * 2 + 16384);
  out += "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<meta name=\"generator\" content=\"wenshu repair --html\"><title>wenshu review: ";
  AppendHtmlText(out, report.title ? std::string_view(*report.title) : name);
  out += "</title><style>";
  out += kStyle;
  out += "</style></head><body>\n<header><h1>";
  AppendHtmlText(out, report.title ? std::string_view(*report.title) : std::string_view("(no title)"));
  out += "</h1><div>";
  AppendHtmlText(out, name);
  char buf[128];
  std::snprintf(buf, sizeof buf, " · %zu repairs, %zu flags · <span id=\"shown\"></span> marks shown",
                report.repairs.size(), report.flags.size());
  out += buf;
  out += "</div>\n<div class=\"counts\">";
  // Counts per rule, and the families the filters offer.
  std::map<std::string, size_t> per_rule;
  std::map<std::string, size_t> per_family;
  for (const RepairRecord& r : report.repairs) ++per_rule[std::string(r.rule)], ++per_family[Family(r.rule)];
  for (const RepairFlag& f : report.flags) {
    ++per_rule[std::string(f.rule) + " (flag)"], ++per_family[Family(f.rule)];
  }
  for (const auto& [rule, n] : per_rule) {
    out += "<span class=\"count\"";
    Attr(out, "data-rule", rule);
    out += ">";
    AppendHtmlText(out, rule);
    out += " " + std::to_string(n) + "</span>";
  }
  out += "</div>\n<div class=\"filters\">";
  for (const auto& [family, n] : per_family) {
    out += "<label><input type=\"checkbox\" checked";
    Attr(out, "data-family", family);
    out += "> ";
    AppendHtmlText(out, family);
    out += " (" + std::to_string(n) + ")</label>";
  }
  out += "<label>confidence ≥ <select id=\"min\"><option value=\"0\">any</option>"
         "<option value=\"0.5\">0.50</option><option value=\"0.8\">0.80</option>"
         "<option value=\"0.9\">0.90</option><option value=\"0.95\">0.95</option></select></label>"
         "</div></header>\n<main><div id=\"text\">";

  // The marks and the figures failed checks point at, in text order.
  std::vector<Mark> marks;
  for (size_t i = 0; i < report.repairs.size(); ++i) {
    marks.push_back({report.repairs[i].span.begin, report.repairs[i].span.end, static_cast<int>(i), -1});
  }
  for (size_t i = 0; i < report.flags.size(); ++i) {
    marks.push_back({report.flags[i].span.begin, report.flags[i].span.end, -1, static_cast<int>(i)});
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  std::vector<size_t> anchors;
  for (const ReportCheck& c : report.checks) {
    if (c.status == CheckStatus::kFail) {
      for (const Span& s : c.spans) anchors.push_back(s.begin);
    }
  }
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());

  size_t at = 0, next_anchor = 0;
  auto text_until = [&](size_t end) {
    end = std::min(end, original.size());
    while (next_anchor < anchors.size() && anchors[next_anchor] < end) {
      const size_t a = std::max(anchors[next_anchor], at);
      AppendHtmlText(out, original.substr(at, a - at));
      at = a;
      out += "<a class=\"figure\" id=\"at-" + std::to_string(anchors[next_anchor]) + "\"></a>";
      ++next_anchor;
    }
    if (end > at) AppendHtmlText(out, original.substr(at, end - at));
    at = std::max(at, end);
  };
  std::string details;  // one <template> per mark: the side panel's content
  for (size_t m = 0; m < marks.size(); ++m) {
    const Mark& mk = marks[m];
    text_until(mk.begin);
    // A mark that starts inside the previous one (a flag inside a removed header) covers what is left.
    const size_t begin = std::max(mk.begin, at), end = std::max(mk.end, begin);
    std::string_view covered = original.substr(std::min(begin, original.size()),
                                               std::min(end, original.size()) - std::min(begin, original.size()));
    const bool is_record = mk.record >= 0;
    const std::string_view rule = is_record ? report.repairs[mk.record].rule : report.flags[mk.flag].rule;
    const std::string& reason =
        is_record ? report.repairs[mk.record].reason.str() : report.flags[mk.flag].reason.str();
    std::string kind = "flag", confidence = "flag";
    std::string hover(rule);
    if (is_record) {
      const RepairRecord& r = report.repairs[mk.record];
      kind = r.after.empty() ? "removed" : "restored";
      confidence = Confidence(r.confidence);
      hover += " · " + confidence + " · " + reason;
      if (!r.after.empty()) hover += " · was: " + r.before;
      for (const RepairAlternative& alt : r.alternatives) {
        hover += " · or: " + alt.after + " (" + Confidence(alt.confidence) + ")";
      }
    } else {
      hover += " · kept · " + reason;
    }
    out += "<span class=\"mark " + kind + "\" data-i=\"" + std::to_string(m) + "\"";
    Attr(out, "data-rule", rule);
    Attr(out, "data-family", Family(rule));
    Attr(out, "data-confidence", confidence);
    Attr(out, "data-kind", kind);
    Attr(out, "title", hover);
    out += ">";
    if (is_record && report.repairs[mk.record].after.empty()) {
      out += "<del>";
      AppendHtmlText(out, covered);
      out += "</del>";
    } else if (is_record) {
      const RepairRecord& r = report.repairs[mk.record];
      out += "<ins>";
      AppendHtmlText(out, r.after);
      out += "</ins><span class=\"was\">";
      AppendHtmlText(out, r.before);
      out += "</span>";
    } else {
      AppendHtmlText(out, covered.empty() ? std::string_view("⚑") : covered);
    }
    out += "</span>";
    at = std::max(at, std::min(end, original.size()));

    details += "<template id=\"d-" + std::to_string(m) + "\"><table><tr><td>rule</td><td>";
    AppendHtmlText(details, rule);
    details += "</td></tr><tr><td>" + std::string(is_record ? "confidence" : "kept") + "</td><td>" +
               (is_record ? confidence : "flagged, not changed") + "</td></tr><tr><td>reason</td><td>";
    AppendHtmlText(details, reason);
    details += "</td></tr>";
    if (is_record) {
      const RepairRecord& r = report.repairs[mk.record];
      details += "<tr><td>original</td><td><del>";
      AppendHtmlText(details, r.before);
      details += "</del></td></tr><tr><td>repaired</td><td><ins>";
      AppendHtmlText(details, r.after);
      details += "</ins></td></tr>";
      for (const RepairAlternative& alt : r.alternatives) {
        details += "<tr><td>or</td><td>";
        AppendHtmlText(details, alt.after);
        details += " (" + Confidence(alt.confidence) + ") ";
        AppendHtmlText(details, alt.reason);
        details += "</td></tr>";
      }
    }
    details += "</table></template>\n";
  }
  text_until(original.size());
  out += "</div>\n<aside><section><h2>Selected</h2><div id=\"detail\">Click a mark.</div></section>"
         "<section><h2>Diagnosis</h2><ul>";
  const DamageDiagnosis& d = report.diagnosis;
  auto item = [&](bool on, const std::string& what) {
    if (!on) return;
    out += "<li>";
    AppendHtmlText(out, what);
    out += "</li>";
  };
  item(d.site_boilerplate, "site boilerplate");
  item(d.page_furniture, "page furniture");
  std::string masks;
  for (const std::string& s : d.mask_strings) masks += (masks.empty() ? "" : "/") + s;
  item(d.masked_numbers, "masked numbers (mask " + masks + ", confidence " + Confidence(d.mask_confidence) + ")");
  item(d.spun_vocabulary, "spun vocabulary");
  item(d.quote_damage, "quote damage");
  item(d.converted_script, "traditional-script conversion");
  item(d.truncated, "truncated by the site (text missing)");
  if (!(d.site_boilerplate || d.page_furniture || d.masked_numbers || d.spun_vocabulary || d.quote_damage ||
        d.converted_script || d.truncated)) {
    out += "<li>no damage found</li>";
  }
  out += "</ul></section><section><h2>Checks</h2><ul>";
  // Failed checks first: they are what a reviewer needs to look at.
  std::vector<const ReportCheck*> checks;
  for (const ReportCheck& c : report.checks) checks.push_back(&c);
  std::stable_partition(checks.begin(), checks.end(),
                        [](const ReportCheck* c) { return c->status == CheckStatus::kFail; });
  for (const ReportCheck* check : checks) {
    const ReportCheck& c = *check;
    const bool fail = c.status == CheckStatus::kFail;
    out += std::string("<li class=\"check ") + (fail ? "fail" : "pass") + "\"";
    Attr(out, "data-rule", c.rule);
    out += ">";
    out += fail ? "✗ " : "✓ ";
    AppendHtmlText(out, c.rule);
    out += ": ";
    AppendHtmlText(out, c.reason);
    if (fail) {
      for (size_t k = 0; k < c.spans.size(); ++k) {
        out += " <a href=\"#at-" + std::to_string(c.spans[k].begin) + "\">" +
               (k == 0 ? std::string("figure") : "part " + std::to_string(k)) + "</a>";
      }
    }
    out += "</li>";
  }
  if (report.checks.empty()) out += "<li>none</li>";
  out += "</ul></section></aside></main>\n";
  out += details;
  out += "<script>";
  out += kScript;
  out += "</script></body></html>\n";
  return out;
}

}  // namespace wenshu::cli
