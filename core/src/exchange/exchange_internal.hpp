// Pieces shared by the exchange module's files (csv.cpp, rows.cpp, import.cpp, export.cpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/exchange.hpp"

namespace inspectonce::exchange::detail {

// readCsv with bilingual problems: nothing (and a problem added) when the file is not UTF-8
// or not well-formed CSV.
std::optional<std::vector<CsvRecord>> readRecords(std::string_view bytes, const std::string& file, Problems& problems);

// A table's rows (T: WorkspaceEnterprise, WorkspaceDepartment, Plan or DemandRecord) checked
// a slice at a time, so a long file can be checked between frames: the file is parsed whole
// when this is made, then `check` takes the next records in file order; `take` gives the rows
// once all are checked. The read* functions of exchange.hpp run one of these in one go.
template <class T>
class RowCheck {
public:
    // `refs` and `problems` must outlive this.
    RowCheck(std::string_view bytes, const std::string& file, const References& refs, Problems& problems);
    RowCheck(RowCheck&&) noexcept;
    RowCheck& operator=(RowCheck&&) noexcept;
    ~RowCheck();

    std::size_t records() const;  // the file's data records (0 when it could not be read)
    std::size_t checked() const;
    bool done() const { return checked() == records(); }
    void check(std::size_t count);
    Rows<T> take();  // once done

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Surrounding ASCII white space and U+3000 (ideographic space) removed.
std::string_view trim(std::string_view text);
// Parts of a list cell, separated by 、 ; ； , or ，, each trimmed, empty parts dropped.
std::vector<std::string> splitCell(std::string_view cell);

// A value's words: its id (English export), its Chinese word (Chinese export) and other
// spellings import accepts.
struct Word {
    std::string_view id;
    std::string_view zh;
    std::vector<std::string_view> more;
};
// The word `text` spells (ids and English compared case-insensitively), or nullptr.
const Word* findWord(const std::vector<Word>& words, std::string_view text);
// "A, B, C or D" / "A、B、C 或 D": the accepted spellings for an error message.
Text acceptedWords(const std::vector<Word>& words);

const std::vector<Word>& gradeWords();
const std::vector<Word>& listWords();
const std::vector<Word>& levelWords();
const std::vector<Word>& kindWords();
const std::vector<Word>& methodWords();
const std::vector<Word>& yesNoWords();  // yes first, then no

// The id `word` has in `words`, or the Chinese word, as export writes it.
std::string_view spell(const Word& word, Headers headers);

}  // namespace inspectonce::exchange::detail
