# Compile settings of the fuzz build (-DROLES_FUZZ=ON), included by the top CMakeLists.txt
# before the parts are defined so that every part is instrumented.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ROLES_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
target_compile_options(roles_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
target_link_options(roles_options INTERFACE -fsanitize=address,undefined)
# std::expected: GCC 12's libstdc++ hides it from clang before 19 (fuzz/compat/expected says
# why); the fuzz build then puts fuzz/compat first on the include path.
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS -std=c++2b)
check_cxx_source_compiles("#include <expected>
int main() { std::expected<int, int> e = 1; return *e - 1; }" ROLES_HAVE_STD_EXPECTED)
unset(CMAKE_REQUIRED_FLAGS)
if(NOT ROLES_HAVE_STD_EXPECTED)
  message(STATUS "roles fuzz build: using fuzz/compat/expected for std::expected")
  target_include_directories(roles_options SYSTEM INTERFACE ${PROJECT_SOURCE_DIR}/fuzz/compat)
endif()
