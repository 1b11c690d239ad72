#include "roles/engine/source_filter.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "roles/util/text.hpp"

// Where these lists come from
// ---------------------------
// The truck-factor paper's tool (aserg-ufmg/Truck-Factor) lists HEAD's files with
// `git ls-files` and keeps only those GitHub Linguist puts in a repository's language
// breakdown (scripts/linguist.rb: `Linguist::Repository#breakdown_by_file`); every other
// file is marked "NOTIDENTIFIED" and left out (LinguistExtractor.setNotLinguist). Linguist
// counts a blob when it is not vendored (lib/linguist/vendor.yml), not documentation
// (documentation.yml), not generated (generated.rb), and its language is of type
// `programming` or `markup` (BlobHelper#include_in_language_stats?). So data (JSON, YAML,
// XML, TOML, INI, SQL, Protocol Buffer), prose (Markdown, reStructuredText, plain text) and
// binaries are out; HTML, CSS, TeX, Jupyter notebooks and templates are in.
//
// We reproduce that from the path alone, because a walk never reads blobs (partial clones):
//  - languages: the extensions and file names of Linguist's common programming and markup
//    languages (k_source_extensions, k_source_filenames), compared lowercased. Files without
//    an extension that Linguist recognises by shebang are not counted.
//  - vendored: vendor.yml turned into directory names (at any depth or at the root only)
//    and fnmatch(3) globs. Two rules are deliberately NOT kept, because they drop
//    first-party code a maintainer reviews: `^tools/` (Linguist itself removed it later)
//    and `(^|/)cache/` (django/core/cache, oslo cache modules...).
//  - documentation: documentation.yml (docs/, doc/, Documentation/, man/, examples/,
//    samples/, demos/, README, LICENSE, CHANGELOG, CONTRIBUTING, COPYING, INSTALL...).
//  - generated: generated.rb's name-based rules (.designer.cs, .feature.cs, __generated__/,
//    .idea/, _TLB.pas, .zep.c...). Its content-based rules (protoc, Cython, "Code generated
//    ... DO NOT EDIT" headers, minified files) need the blob; for protobuf/gRPC we use the
//    compilers' fixed output names instead (*.pb.go, *_pb2.py, *.pb.cc...).
//  - not excluded although the brief wondered: build/ (Linguist keeps it; committed build
//    trees are rare and build/ often holds maintained scripts).

namespace roles::engine {
namespace {

using NameSet = std::unordered_set<std::string_view>;

// Lowercased extensions (without the dot) of Linguist programming and markup languages.
const NameSet k_source_extensions = {
    // C family, Objective-C, CUDA, shaders
    "c", "h", "cc", "cpp", "cxx", "c++", "cp", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc",
    "tpp", "ixx", "cppm", "m", "mm", "cu", "cuh", "cl", "glsl", "hlsl", "frag", "vert", "metal",
    // JVM and .NET
    "java", "kt", "kts", "scala", "sc", "groovy", "gradle", "gvy", "clj", "cljs", "cljc",
    "cs", "csx", "vb", "fs", "fsi", "fsx", "xaml", "cshtml", "razor",
    // systems and compiled
    "go", "rs", "swift", "d", "di", "nim", "zig", "v", "sv", "svh", "vhd", "vhdl", "ada", "adb",
    "ads", "pas", "pp", "dpr", "f", "f90", "f95", "f03", "f08", "for", "ftn", "asm", "s", "nasm",
    "cob", "cbl", "sol", "hs", "lhs", "ml", "mli", "elm", "ex", "exs", "erl", "hrl", "cr",
    "odin", "hx", "pony", "purs", "idr", "agda", "lean", "sml", "rkt", "scm", "ss", "lisp",
    "lsp", "el", "fnl", "jl", "r", "rmd", "dart", "vala", "pyx", "pxd", "pxi",
    // scripting
    "py", "pyi", "pyw", "rb", "rake", "gemspec", "ru", "php", "phtml", "pl", "pm", "t", "psgi",
    "lua", "tcl", "awk", "sed", "vim", "ps1", "psm1", "psd1", "bat", "cmd", "sh", "bash",
    "zsh", "ksh", "fish", "bats", "coffee", "litcoffee", "ls", "raku", "rakumod", "p6", "pm6",
    "applescript", "ahk", "nu",
    // web: JavaScript, TypeScript, components, stylesheets, HTML and templates (markup)
    "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "vue", "svelte", "astro", "html",
    "htm", "xhtml", "css", "scss", "sass", "less", "styl", "erb", "rhtml", "ejs", "haml",
    "slim", "pug", "jade", "hbs", "handlebars", "mustache", "twig", "jinja", "jinja2", "j2",
    "njk", "liquid", "mako", "tmpl", "tpl", "jsp", "asp", "aspx", "ascx", "xsl", "xslt",
    // build and infrastructure languages
    "cmake", "mk", "mak", "make", "am", "ac", "m4", "bzl", "star", "nix", "tf", "hcl",
    "dockerfile", "gn", "gni", "thrift", "smithy", "pkl", "jsonnet", "libsonnet", "cue",
    "dhall", "bicep", "nf", "wdl", "cwl", "smk",
    // markup kept by Linguist: TeX, notebooks, Roff
    "tex", "ltx", "sty", "cls", "ipynb", "roff", "man",
};

// Lowercased file names Linguist maps to a programming language without an extension (or
// with a misleading one, like CMakeLists.txt).
const NameSet k_source_filenames = {
    "makefile", "gnumakefile", "cmakelists.txt", "dockerfile", "containerfile", "rakefile",
    "gemfile", "guardfile", "podfile", "capfile", "jakefile", "build", "build.bazel",
    "workspace", "workspace.bazel", "module.bazel", "meson.build", "meson_options.txt",
    "sconstruct", "sconscript", "justfile", "pkgbuild", "apkbuild", "snakefile", "tiltfile",
    "kbuild", "kconfig",
};

// Vendored: directory names that mark third-party trees at any depth, compared lowercased
// (vendor.yml spells their case variants out) ...
const NameSet k_vendored_dirs_any_case = {
    "node_modules", "bower_components", "vendor", "vendors", "third_party", "third-party",
    "thirdparty", "3rdparty", "3rd_party", "3rd-party",
};
// ... and compared exactly (vendor.yml gives one spelling; "pods" or "env" in lowercase
// elsewhere can be first-party code).
const NameSet k_vendored_dirs_exact = {
    "dist", "extern", "external", "testdata", "Godeps", "Carthage", "Pods", "flow-typed",
    "ace-builds", "MathJax", "bootstrap-datepicker", "admin_media", "env", "Sparkle",
    ".google_apis", "_esy",
};

// Vendored: lowercased top-level directory names.
const NameSet k_vendored_root_dirs = {"deps", "dependencies", "debian", "vignettes", "puphpet"};

// Vendored: file names only at the root.
const NameSet k_vendored_root_files = {"fabfile.py", "waf", "rebar", "Vagrantfile", "Jenkinsfile"};

// Vendored: fnmatch globs on the whole path ('*' crosses '/').
constexpr std::array k_vendored_path_globs = {
    "tests/fixtures/*", "test/fixtures/*", "Tests/fixtures/*", "Test/fixtures/*",
    "spec/fixtures/*", "specs/fixtures/*", "Spec/fixtures/*", "Specs/fixtures/*",
    "inst/extdata/*", "gradle/wrapper/*", "*/gradle/wrapper/*", ".mvn/wrapper/*",
    "*/.mvn/wrapper/*", ".yarn/releases/*", "*/.yarn/releases/*", ".yarn/plugins/*",
    "*/.yarn/plugins/*", "*.xctemplate/*", "*.imageset/*", "*.framework/*",
    "*[Bb]ourbon/*.css", "*[Bb]ourbon/*.scss", "*[Bb]ourbon/*.less", "*[Bb]ourbon/*.styl",
    "*[Cc]ode[Mm]irror/*", "*tiny_mce/*", "*select2/*.js", "*select2/*.css", "*select2/*.scss",
    "*extjs/*", "*font-awesome/*.css", "*font-awesome/*.scss", "*fontawesome/*.css",
    "*fontawesome/*.scss",
};

// Vendored: fnmatch globs on the file name (case-sensitive, as in vendor.yml).
constexpr std::array k_vendored_name_globs = {
    // minified and bundled web libraries
    "*.min.js", "*-min.js", "*.min.css", "*-min.css", "*.d.ts", "*import.css", "*import.less",
    "*import.scss", "*import.styl", "bootstrap*.js", "bootstrap*.css", "bootstrap*.less",
    "bootstrap*.scss", "bootstrap*.styl", "custom.bootstrap*", "font-awesome.*",
    "fontawesome.*", "foundation.css", "foundation.less", "foundation.scss", "foundation*.js",
    "normalize.css", "normalize.less", "normalize.scss", "skeleton.css", "animate.css",
    "animate.less", "animate.scss", "materialize.css", "materialize.js", "bulma.css",
    "bulma.sass", "bulma.scss", "jquery*.js", "jquery-ui*.css", "jquery.ui.*.css",
    "jquery.effects.*.css", "jquery.fancybox.css", "fuelux.js", "bootbox.js", "pdf.worker.js",
    "slick.*.js", "Leaflet.Coordinates-*.src.js", "leaflet.draw-src.js", "leaflet.draw.css",
    "Control.FullScreen.css", "Control.FullScreen.js", "leaflet.spin.js", "wicket-leaflet.js",
    "prototype*.js", "effects.js", "controls.js", "dragdrop.js", "mootools*.js", "dojo.js",
    "MochiKit.js", "yahoo-*.js", "yui*.js", "ckeditor.js", "tiny_mce*.js", "fontello*.css",
    "Chart.js", "shBrush*.js", "shCore.js", "shLegacy.js", "angular*.js", "d3*.js", "react.js",
    "react-*.js", "modernizr*.js", "knockout-*.js", "html5shiv.js", "cordova*.js",
    "*-vsdoc.js", "*.intellisense.js", "[Mm]icrosoft*[Aa]jax*.js", "[Mm]icrosoft*[Vv]alidation*.js",
    "octicons.css", "sprockets-octicons.scss",
    // build-system scripts that are copied in, not written
    "configure", "config.guess", "config.sub", "aclocal.m4", "libtool.m4", "ltoptions.m4",
    "ltsugar.m4", "ltversion.m4", "lt~obsolete.m4", "cpplint.py", "erlang.mk", "gradlew",
    "gradlew.bat", "mvnw", "mvnw.cmd", "dotnet-install.ps1", "dotnet-install.sh", "activator",
    "activator.bat", "proguard.pro", "proguard-rules.pro", "run.n",
};

// Documentation: lowercased top-level directory names, and names at any depth.
const NameSet k_documentation_root_dirs = {"doc", "docs", "man", "examples", "demo", "demos",
                                           "sample", "samples"};
const NameSet k_documentation_dirs_anywhere = {"documentation", "javadoc", "groovydoc"};

// Documentation: fnmatch globs on the file name (case as in documentation.yml).
constexpr std::array k_documentation_name_globs = {
    "README", "README.*", "[Rr]eadme", "[Rr]eadme.*", "LICEN[CS]E", "LICEN[CS]E.*",
    "[Ll]icen[cs]e", "[Ll]icen[cs]e.*", "CONTRIBUTING", "CONTRIBUTING.*", "COPYING",
    "COPYING.*", "INSTALL", "INSTALL.*", "CHANGE", "CHANGE.*", "CHANGES", "CHANGES.*",
    "CHANGELOG", "CHANGELOG.*", "CITATION", "CITATION.*", "CITATIONS", "CITATIONS.*",
};

// Generated: directory names at any depth (exact), and fnmatch globs on the file name
// (matched case-insensitively).
const NameSet k_generated_dirs_anywhere = {"__generated__", ".idea"};
constexpr std::array k_generated_name_globs = {
    "*.designer.cs", "*.designer.vb", "*.feature.cs", "*.pb.go", "*.pb.gw.go", "*.pb.cc",
    "*.pb.h", "*.pb.c", "*_pb2.py", "*_pb2.pyi", "*_pb2_grpc.py", "*_pb.js", "*_pb.d.ts",
    "*.pb.swift", "*.zep.c", "*.zep.h", "*.zep.php", "*_tlb.pas", ".pnp.*", "*.js.map",
    "*.css.map",
};

// A path cut into its directories and its file name.
struct SplitPath {
    std::vector<std::string_view> dirs;
    std::string_view name;
};

SplitPath split_path(std::string_view path) {
    SplitPath split;
    std::size_t start = 0;
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', start)) {
        split.dirs.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    split.name = path.substr(start);
    return split;
}

bool in_set_lowered(const NameSet& set, std::string_view name) {
    return set.contains(util::to_lower_ascii(name));
}

bool any_dir_in(const NameSet& set, const SplitPath& split) {
    for (const auto dir : split.dirs) {
        if (in_set_lowered(set, dir)) return true;
    }
    return false;
}

bool any_dir_exactly_in(const NameSet& set, const SplitPath& split) {
    for (const auto dir : split.dirs) {
        if (set.contains(dir)) return true;
    }
    return false;
}

bool root_dir_in(const NameSet& set, const SplitPath& split) {
    return !split.dirs.empty() && in_set_lowered(set, split.dirs.front());
}

// A glob list prepared once: its literal names go in a set, and each real pattern keeps the
// literal text before its first and after its last wildcard, which any match must start and
// end with. Most of Linguist's names have no wildcard or a fixed extension, so a path is
// rarely handed to fnmatch at all, where testing every pattern dominated the walk's cost.
class GlobList {
public:
    template <std::size_t N>
    GlobList(const std::array<const char*, N>& globs, int flags) : m_flags(flags) {
        for (const char* glob : globs) {
            const std::string_view text(glob);
            const auto first = text.find_first_of("*?[\\");
            if (first == std::string_view::npos && flags == 0) {
                m_literals.insert(text);
                continue;
            }
            const auto last = text.find_last_of("*?]\\");
            m_patterns.push_back({glob, text.substr(0, std::min(first, text.size())),
                                  last == std::string_view::npos ? text : text.substr(last + 1),
                                  longest_literal(text)});
        }
    }
    [[nodiscard]] bool matches(const std::string& text) const {
        if (m_literals.contains(text)) return true;
        return std::ranges::any_of(m_patterns, [&](const Pattern& pattern) {
            return could_match(pattern, text) && ::fnmatch(pattern.glob, text.c_str(), m_flags) == 0;
        });
    }

private:
    struct Pattern {
        const char* glob;
        std::string_view head;     // literal text every match starts with
        std::string_view tail;     // literal text every match ends with
        std::string_view literal;  // the longest literal run, which every match contains
    };

    // The longest run of plain characters, outside bracket expressions and escapes.
    static std::string_view longest_literal(std::string_view glob) {
        std::string_view best;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= glob.size(); ++i) {
            const bool special = i == glob.size() || glob[i] == '*' || glob[i] == '?' || glob[i] == '[' || glob[i] == '\\';
            if (!special) continue;
            if (i - start > best.size()) best = glob.substr(start, i - start);
            // A bracket expression ends at the first ']' after its first member.
            if (i < glob.size() && glob[i] == '[') i = std::min(glob.size(), glob.find(']', i + 2));
            // An escape makes the next character plain, but it is left out of any run.
            if (i < glob.size() && glob[i] == '\\') ++i;
            start = i + 1;
        }
        return best;
    }

    [[nodiscard]] bool could_match(const Pattern& pattern, std::string_view text) const {
        if (text.size() < pattern.head.size() + pattern.tail.size()) return false;
        if ((m_flags & FNM_CASEFOLD) == 0) {
            return text.starts_with(pattern.head) && text.ends_with(pattern.tail) &&
                   text.find(pattern.literal) != std::string_view::npos;
        }
        return util::equals_ignoring_ascii_case(text.substr(0, pattern.head.size()), pattern.head) &&
               util::equals_ignoring_ascii_case(text.substr(text.size() - pattern.tail.size()), pattern.tail);
    }

    int m_flags;
    NameSet m_literals;
    std::vector<Pattern> m_patterns;
};

const GlobList k_vendored_paths(k_vendored_path_globs, 0);
const GlobList k_vendored_names(k_vendored_name_globs, 0);
const GlobList k_documentation_names(k_documentation_name_globs, 0);
const GlobList k_generated_names(k_generated_name_globs, FNM_CASEFOLD);

bool is_vendored(std::string_view path, const SplitPath& split) {
    if (any_dir_in(k_vendored_dirs_any_case, split) ||
        any_dir_exactly_in(k_vendored_dirs_exact, split) ||
        root_dir_in(k_vendored_root_dirs, split)) {
        return true;
    }
    if (split.dirs.empty() && k_vendored_root_files.contains(split.name)) return true;
    return k_vendored_paths.matches(std::string(path)) || k_vendored_names.matches(std::string(split.name));
}

bool is_documentation(const SplitPath& split) {
    return root_dir_in(k_documentation_root_dirs, split) ||
           any_dir_in(k_documentation_dirs_anywhere, split) ||
           k_documentation_names.matches(std::string(split.name));
}

bool is_generated(const SplitPath& split) {
    return any_dir_exactly_in(k_generated_dirs_anywhere, split) ||
           k_generated_names.matches(std::string(split.name));
}

bool is_language_file(std::string_view name) {
    if (in_set_lowered(k_source_filenames, name)) return true;
    const auto dot = name.rfind('.');
    // A leading dot makes a hidden file (".bashrc"), not an extension.
    if (dot == std::string_view::npos || dot == 0) return false;
    return in_set_lowered(k_source_extensions, name.substr(dot + 1));
}

}  // namespace

std::string_view to_string(FileClass file_class) {
    switch (file_class) {
        case FileClass::source: return "source";
        case FileClass::vendored: return "vendored";
        case FileClass::documentation: return "documentation";
        case FileClass::generated: return "generated";
        case FileClass::not_source: return "not-source";
    }
    return "not-source";
}

FileClass classify_file(std::string_view path) {
    const SplitPath split = split_path(path);
    if (is_vendored(path, split)) return FileClass::vendored;
    if (is_documentation(split)) return FileClass::documentation;
    if (is_generated(split)) return FileClass::generated;
    return is_language_file(split.name) ? FileClass::source : FileClass::not_source;
}

bool is_source_file(std::string_view path) {
    // The cheap extension test first: most paths of a large tree fail it, and the globs
    // cost more than the set lookups.
    const SplitPath split = split_path(path);
    return is_language_file(split.name) && !is_vendored(path, split) &&
           !is_documentation(split) && !is_generated(split);
}

}  // namespace roles::engine
