// libFuzzer target: reading a workspace archive (either format) from any bytes. Nothing may
// crash; a workspace that reads must write back to an archive that reads to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "inspectonce/exchange.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace inspectonce;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto workspace = exchange::readWorkspaceArchive(bytes, "fuzz.archive");
    if (!workspace) return 0;
    for (auto format : {exchange::ArchiveFormat::Binary, exchange::ArchiveFormat::Json}) {
        std::string written = exchange::writeWorkspaceArchive(*workspace, format);
        auto again = exchange::readWorkspaceArchive(written, "again.archive");
        if (!again || exchange::writeWorkspaceArchive(*again, format) != written) std::abort();
    }
    return 0;
}
