#include "roles/util/time.hpp"

#include <chrono>

#include <fmt/format.h>

namespace roles::util {

std::int64_t day_number(std::int64_t seconds) {
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

std::string format_date(std::int64_t seconds) {
    const std::chrono::sys_days days{std::chrono::days{day_number(seconds)}};
    const std::chrono::year_month_day date{days};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

}  // namespace roles::util
