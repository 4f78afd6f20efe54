// Enterprises: industry, town, legal form, credit grade and lists, size, a valid and unique
// credit code, a name, and how many plans departments will make for them.
//
// Distributions (per enterprise, independent unless said):
//   industry    the shares of catalogue.cpp (trade 22 %, catering 12 %, wood and toys 8 % …)
//   town        weight 1200 / (rank + 2): the county seat's subdistricts hold the most
//   form        individual business (个体工商户, code type 92) and co-operative (93) by
//               industry (60 % of catering, 30 % of farms are co-operatives …), else a company (91)
//   grade       A 15 %, B 45 %, C 32 %, D 8 % (004 二(六)'s portrait grades)
//   lists       white list: half of A, 12 % of B (003 二(五)); exempt list: 60 % of A where the
//               county has an exempt rule (004 二(六)); key supervision: half of D and 20 % of
//               C in key sectors (drugs, chemicals, gas: 003 二(五)); serious dishonesty: 10 % of D
//   above scale companies only, by industry (30 % of chemical firms, 1 % of restaurants …)
//   plan weight A 50, B 85, C 120, D 200 (004 二(六): D "more inspections"), × 0.7 on the white
//               list, × 0.6 exempt, × 1.5 key supervision, × 1.3 serious dishonesty, × 1.4 above
//               scale, × 0.6 individual business
//   anchor      a day from mid-January to mid-December around which its plans cluster
#include "generate/generator.hpp"

namespace inspectonce::generate_detail {
namespace {

// The credit code's character set (GB 32100-2015: digits and capitals but I, O, S, V, Z).
constexpr std::string_view kCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr uint64_t kModernSpace = 31ULL * 31 * 31 * 31 * 31 * 31;  // "MA" + 6 characters
constexpr uint64_t kNumericSpace = 100000000ULL;                   // 8 digits (before 2015)

// Organization-code bodies (positions 9–16) without repeats: the n-th enterprise of a
// style gets (a·n + b) mod space, a bijection because a is coprime with the space.
struct CodeSequence {
    uint64_t space, a, b, next = 0;
    CodeSequence(Rng& rng, uint64_t space_, uint64_t primeFactor1, uint64_t primeFactor2) : space(space_) {
        a = 1 + rng.below64(space - 1);
        while (a % primeFactor1 == 0 || a % primeFactor2 == 0) ++a;
        b = rng.below64(space);
    }
    uint64_t take() { return (a * (next++ % space) + b) % space; }  // a, n < 2^30: no overflow
};

std::string modernBody(uint64_t value) {
    std::string body = "MA";
    std::string tail(6, '0');
    for (int i = 5; i >= 0; --i) {
        tail[static_cast<std::size_t>(i)] = kCodeCharacters[value % 31];
        value /= 31;
    }
    return body + tail;
}

std::string numericBody(uint64_t value) {
    std::string body(8, '0');
    for (int i = 7; i >= 0; --i) {
        body[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return body;
}

bool manufacturing(std::string_view industry) {
    for (std::string_view m : {"food", "wood", "machinery", "chemicals", "textiles", "materials", "electronics"})
        if (industry == m) return true;
    return false;
}

std::string pick(Rng& rng, std::span<const std::string_view> from) {
    return std::string(from[static_cast<std::size_t>(rng.below(static_cast<int>(from.size())))]);
}

}  // namespace

int32_t Generation::workdayBetween(Rng& rng, int32_t from, int32_t to) const {
    auto lo = std::lower_bound(workdays.begin(), workdays.end(), from);
    auto hi = std::upper_bound(workdays.begin(), workdays.end(), to);
    if (lo >= hi) return from;
    return *(lo + rng.below(static_cast<int>(hi - lo)));
}

Status buildEnterprises(Generation& g) {
    Rng rng(g.options.seed, kEnterpriseStream);
    Rng codeRng(g.options.seed, kCodeStream);
    CodeSequence modern(codeRng, kModernSpace, 31, 31);
    CodeSequence numeric(codeRng, kNumericSpace, 2, 5);
    auto divisions = divisionCodes(g.policy.county);

    std::vector<int> industryWeights, townWeights;
    for (const auto& industry : industries()) industryWeights.push_back(industry.weight);
    for (std::size_t rank = 0; rank < g.towns.size(); ++rank) townWeights.push_back(static_cast<int>(1200 / (rank + 2)));
    constexpr int kGradeWeights[] = {150, 450, 320, 80};
    constexpr int64_t kGradePlanWeight[] = {50, 85, 120, 200};

    auto count = static_cast<std::size_t>(g.options.enterprises);
    g.w.enterprises.reserve(count);
    g.enterprises.reserve(count);
    for (std::size_t n = 0; n < count; ++n) {
        EnterpriseInfo info;
        info.industry = rng.weighted(industryWeights);
        info.town = rng.weighted(townWeights);
        const Industry& industry = industries()[static_cast<std::size_t>(info.industry)];
        char type = '1';
        if (rng.chance(industry.individualPerMille)) type = '2';
        else if (rng.chance(industry.cooperativePerMille)) type = '3';
        info.individual = type == '2';

        auto grade = static_cast<CreditGrade>(rng.weighted(kGradeWeights));
        std::vector<std::string> lists;
        if ((grade == CreditGrade::A && rng.chance(500)) || (grade == CreditGrade::B && rng.chance(120)))
            lists.emplace_back(lists::kWhiteList);
        if (g.exemptRule && grade == CreditGrade::A && rng.chance(600)) lists.emplace_back(lists::kExempt);
        if ((grade == CreditGrade::D && rng.chance(500)) || (grade == CreditGrade::C && industry.keySector && rng.chance(200)))
            lists.emplace_back(lists::kKeySupervision);
        if (grade == CreditGrade::D && rng.chance(100)) lists.emplace_back(lists::kSeriousDishonesty);
        bool aboveScale = type == '1' && rng.chance(industry.aboveScalePerMille);

        // 91/92/93 + division + organization code (modern "MA…" for 85 % of companies and all
        // individual businesses and co-operatives; 8 digits for older companies) + checks.
        bool older = type == '1' && rng.chance(150);
        std::string body = older ? numericBody(numeric.take()) : modernBody(modern.take());
        std::string first17 = std::string("9") + type +
                              std::string(divisions[static_cast<std::size_t>(info.town) % divisions.size()]) + body +
                              organizationCodeCheckCharacter(body);
        auto code = Uscc::parse(first17 + usccCheckCharacter(first17));
        if (!code) return makeError("enterprises " + std::to_string(n + 1), "made an invalid credit code: " + code.error().message());

        std::string brand = pick(rng, brandCharacters());
        std::string second;
        do second = pick(rng, brandCharacters());
        while (second == brand);
        std::string name = g.policy.name.zh + brand + second + std::string(industry.words[rng.below(4)]);
        if (type == '2') name += rng.chance(500) ? "店" : (rng.chance(500) ? "经营部" : "商行");
        else if (type == '3') name += "专业合作社";
        else if (manufacturing(industry.id) && rng.chance(150)) name += "厂";
        else name += rng.chance(70) ? "股份有限公司" : "有限公司";

        int64_t weight = kGradePlanWeight[static_cast<int>(grade)];
        auto on = [&](std::string_view list) { return std::find(lists.begin(), lists.end(), list) != lists.end(); };
        if (on(lists::kWhiteList)) weight = weight * 7 / 10;
        if (on(lists::kExempt)) weight = weight * 6 / 10;
        if (on(lists::kKeySupervision)) weight = weight * 15 / 10;
        if (on(lists::kSeriousDishonesty)) weight = weight * 13 / 10;
        if (aboveScale) weight = weight * 14 / 10;
        if (info.individual) weight = weight * 6 / 10;
        info.planWeight = weight;
        info.anchor = g.anchorFirst + rng.below(g.anchorLast - g.anchorFirst + 1);

        const Town& town = towns()[static_cast<std::size_t>(g.towns[static_cast<std::size_t>(info.town)])];
        g.w.enterprises.push_back({Enterprise{*code, std::move(name), grade, std::move(lists)}, std::string(town.zh),
                                   std::string(industry.zh), aboveScale});
        g.enterprises.push_back(info);
    }
    return Ok{};
}

}  // namespace inspectonce::generate_detail
