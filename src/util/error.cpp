#include "roles/util/error.hpp"

namespace roles::util {

std::string Error::message() const {
    if (context.empty()) return cause;
    if (cause.empty()) return context;
    return context + ": " + cause;
}

std::unexpected<Error> fail(ErrorKind kind, std::string context, std::string cause) {
    return std::unexpected(Error{kind, std::move(context), std::move(cause), {}});
}

ExitCode exit_code_for(const Error& /*error*/) { return ExitCode::bad_input; }

}  // namespace roles::util
