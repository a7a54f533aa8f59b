#include "json.h"

#include <nlohmann/json.hpp>

namespace wenshu::capi {
namespace {

nlohmann::json SpanJson(Span span) { return nlohmann::json::array({span.begin, span.end}); }

}  // namespace

std::string RepairResultJson(const RepairResult& result) {
  nlohmann::json records = nlohmann::json::array();
  for (const RepairRecord& r : result.records) {
    nlohmann::json evidence = nlohmann::json::array();
    for (Span s : r.evidence) evidence.push_back(SpanJson(s));
    nlohmann::json alternatives = nlohmann::json::array();
    for (const RepairAlternative& a : r.alternatives) {
      alternatives.push_back({{"after", a.after}, {"confidence", a.confidence}, {"reason", a.reason.str()}});
    }
    records.push_back({{"rule", r.rule},
                       {"span", SpanJson(r.span)},
                       {"before", r.before},
                       {"after", r.after},
                       {"confidence", r.confidence},
                       {"reason", r.reason.str()},
                       {"evidence", std::move(evidence)},
                       {"alternatives", std::move(alternatives)}});
  }
  nlohmann::json flags = nlohmann::json::array();
  for (const RepairFlag& f : result.flags) {
    flags.push_back(
        {{"rule", f.rule}, {"span", SpanJson(f.span)}, {"text", f.text}, {"reason", f.reason.str()}});
  }
  const DamageDiagnosis& d = result.diagnosis;
  nlohmann::json mask_evidence = nlohmann::json::array();
  for (Span s : d.mask_evidence) mask_evidence.push_back(SpanJson(s));
  nlohmann::json diagnosis = {{"site_boilerplate", d.site_boilerplate},
                              {"page_furniture", d.page_furniture},
                              {"masked_numbers", d.masked_numbers},
                              {"mask_strings", d.mask_strings},
                              {"mask_confidence", d.mask_confidence},
                              {"mask_evidence", std::move(mask_evidence)},
                              {"spun_vocabulary", d.spun_vocabulary},
                              {"spun_score", d.spun_score},
                              {"quote_damage", d.quote_damage},
                              {"converted_script", d.converted_script},
                              {"truncated", d.truncated}};
  nlohmann::json doc = {{"text", result.text},
                        {"records", std::move(records)},
                        {"flags", std::move(flags)},
                        {"diagnosis", std::move(diagnosis)}};
  // ensure_ascii=false keeps Chinese readable; replace maps invalid UTF-8 to U+FFFD instead of throwing.
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace wenshu::capi
