#include <catch2/catch.hpp>

#include <string>

#include "roles/engine/source_filter.hpp"

using roles::engine::classify_file;
using roles::engine::FileClass;
using roles::engine::is_source_file;

TEST_CASE("source files are recognised by extension and by name", "[algo][source_filter]") {
    for (const std::string path :
         {"src/main.cpp", "nova/compute/manager.py", "lib/Widget.JAVA", "scripts/run.sh",
          "web/index.html", "web/style.scss", "CMakeLists.txt", "Makefile", "sub/Dockerfile",
          "pkg/BUILD.bazel", "R/plot.R", "include/roles/engine/burnout.hpp"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::source);
        CHECK(is_source_file(path));
    }
}

TEST_CASE("data, prose and unknown files are not source", "[algo][source_filter]") {
    for (const std::string path : {"setup.cfg", "data/x.json", "conf/app.yaml", "img/logo.png",
                                   ".bashrc", "requirements.txt", "notes.md", "schema.sql",
                                   "noextension", "api/service.proto"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::not_source);
        CHECK_FALSE(is_source_file(path));
    }
}

TEST_CASE("vendored trees and bundled libraries are left out", "[algo][source_filter]") {
    for (const std::string path :
         {"vendor/github.com/x/y.go", "third_party/zlib/inflate.c", "src/ThirdParty/x.c",
          "ui/node_modules/a/index.js", "web/static/jquery-3.1.1.js", "web/app.min.js",
          "web/app-min.css", "types/index.d.ts", "deps/uv/src/unix/core.c", "lib/dist/bundle.js",
          "gradle/wrapper/gradle-wrapper.jar", "tests/fixtures/sample.py", "configure",
          "app/Pods/AFNetworking/AF.m", "fabfile.py"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::vendored);
        CHECK_FALSE(is_source_file(path));
    }
}

TEST_CASE("documentation trees and files are left out", "[algo][source_filter]") {
    for (const std::string path :
         {"docs/conf.py", "doc/source/conf.py", "Doc/tools/ext.py", "linux/Documentation/x.py",
          "examples/demo.py", "samples/hello.c", "README", "README.html", "sub/LICENSE.txt",
          "CHANGELOG.md", "CONTRIBUTING.rst"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::documentation);
        CHECK_FALSE(is_source_file(path));
    }
}

TEST_CASE("generated files are recognised by name", "[algo][source_filter]") {
    for (const std::string path :
         {"api/v1/service.pb.go", "proto/service_pb2.py", "proto/service_pb2_grpc.py",
          "App/Form1.Designer.cs", "ui/__generated__/Query.graphql.js", "rpc/msg.pb.cc",
          "Lib/Unit1_TLB.pas"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::generated);
        CHECK_FALSE(is_source_file(path));
    }
}

TEST_CASE("globs match through their fixed starts and ends at any depth and case", "[algo][source_filter]") {
    // Patterns whose literal start or end (before the first, after the last wildcard)
    // narrows the candidates: "*[Bb]ourbon/*.css", "jquery.ui.*.css", "*/gradle/wrapper/*",
    // "Tests/fixtures/*"; the generated list folds case, so ".DESIGNER.CS" matches too.
    for (const std::string path : {"app/assets/Bourbon/grid.css", "web/jquery.ui.core.css",
                                   "sub/gradle/wrapper/wrapper.kts", "Tests/fixtures/case.py",
                                   "lib/leaflet.draw-src.js", "web/lib/CodeMirror/mode.js",
                                   "web/codemirror/x.js", "lib/extjs/ext.js",
                                   "sub/.mvn/wrapper/MavenWrapperDownloader.java"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::vendored);
    }
    CHECK(classify_file("App/Form1.DESIGNER.CS") == FileClass::generated);
    CHECK(classify_file("ui/Query.JS.MAP") == FileClass::generated);
    // Same starts or ends but not a match: the wildcard's other side differs.
    for (const std::string path : {"app/bourbon/grid.rb", "web/jquery.ui.core.scss", "gradle/wrap.kts",
                                   "tests/fixture.py", "src/mirror/x.js", "src/errors/x.js"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::source);
    }
}

TEST_CASE("first-party code that Linguist once dropped is kept", "[algo][source_filter]") {
    // ^tools/ and (^|/)cache/ are deliberately not ported; build/ never was in Linguist;
    // "Pods" is matched exactly so a lowercase pods/ package stays; INSTALL is uppercase only.
    for (const std::string path :
         {"tools/run_tests.py", "django/core/cache/backends/base.py", "build/gen_version.py",
          "pkg/kubelet/pods/pod.go", "scripts/install.sh", "src/readme_parser.py"}) {
        INFO(path);
        CHECK(classify_file(path) == FileClass::source);
        CHECK(is_source_file(path));
    }
}

TEST_CASE("file classes have stable names", "[algo][source_filter]") {
    CHECK(roles::engine::to_string(FileClass::source) == "source");
    CHECK(roles::engine::to_string(FileClass::vendored) == "vendored");
    CHECK(roles::engine::to_string(FileClass::documentation) == "documentation");
    CHECK(roles::engine::to_string(FileClass::generated) == "generated");
    CHECK(roles::engine::to_string(FileClass::not_source) == "not-source");
}
