// git/trailers.cpp: trailers read as git reads them. Hand-checked cases first, then a
// corpus of message shapes seen on real projects (GitHub squash merges, Gerrit, the git
// mailing-list workflow, cherry-picks) and odd ones, each compared with the git CLI.

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "roles/git/trailers.hpp"
#include "support/temp_dir.hpp"

using roles::git::Divider;
using roles::git::parse_trailers;
using roles::git::Trailer;

namespace {

std::vector<std::string> texts(const std::vector<Trailer>& trailers) {
    std::vector<std::string> out;
    for (const Trailer& trailer : trailers) out.push_back(trailer.key + ": " + trailer.value);
    return out;
}

// `git interpret-trailers --parse` on `message`, one "key: value" per trailer. The user's
// and the system's git configuration are kept out (trailer.* settings would change it).
std::vector<std::string> git_trailers(const std::string& message, Divider divider) {
    const std::string dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/message", std::ios::binary) << message;
    const std::string command = "cd '" + dir + "' && HOME='" + dir + "' GIT_CONFIG_NOSYSTEM=1 git interpret-trailers --parse" +
                                (divider == Divider::ignored ? " --no-divider" : "") + " < message";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    std::vector<std::string> lines;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        std::string line(buffer);
        if (!line.empty() && line.back() == '\n') line.pop_back();
        // git prints "Key: " for an empty value; ours is "Key: " too.
        lines.push_back(line);
    }
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    return lines;
}

const std::vector<std::string>& corpus() {
    static const std::vector<std::string> messages = {
        // GitHub squash merge: a line of dashes above the co-authors
        "Add QUERY support (#123)\n\n* first\n* second\n  wrapped\n\n---------\n\n"
        "Co-authored-by: Ann Author <ann@example.com>\nCo-authored-by: Bo Byte <12345+bo@users.noreply.github.com>\n",
        // GitHub squash merge whose dashes are glued to the co-authors
        "Fix docs (#9)\n\n* Clarify\n\n---------\nCo-authored-by: Ann Author <ann@example.com>\n",
        // Gerrit
        "Fix the scheduler\n\nLonger text.\n\nCloses-Bug: #1234567\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n",
        // Gerrit backport: a git-generated line among plain text (the 25% rule)
        "Fix the scheduler\n\nText.\n\nChange-Id: Iabc\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n",
        // mailing-list workflow: maintainer notes between sign-offs
        "area: do a thing\n\nBody.\n\nSigned-off-by: Ann Author <ann@example.com>\n[jc: tweaked the message]\n"
        "Signed-off-by: Junio Maintainer <jm@example.com>\n",
        // too little of the block is trailers even with a git-generated line
        "area: thing\n\nBody.\n\nline one\nline two\nline three\nline four\nSigned-off-by: Ann <ann@example.com>\n",
        // plain text as the last paragraph: no trailers
        "Subject\n\nBody text: with a colon in it\nand more text.\n",
        // continuation lines, folded values
        "Subject\n\nBody.\n\nReviewed-by: Ann Author\n  <ann@example.com>\nAcked-by: Bo\n",
        // a continuation after a non-trailer line is text
        "Subject\n\nBody.\n\nnot a trailer\n  indented\nAcked-by: Bo <bo@example.com>\n",
        // only a subject and trailers-looking subject
        "Closes-Bug: #1 in the subject\n",
        "Subject\n\nCloses-Bug: #1\n",
        // a patch divider: honoured by interpret-trailers unless --no-divider
        "Subject\n\nBody.\n\nSigned-off-by: Ann <ann@example.com>\n---\n diff --git a/x b/x\n\nAcked-by: Bo <bo@example.com>\n",
        "Subject\n\nBody.\n---\nnotes\n\nAcked-by: Bo <bo@example.com>\n",
        // comments, a scissors line and trailing blank lines
        "Subject\n\nBody.\n\nAcked-by: Bo <bo@example.com>\n# a comment\n\n\n",
        "Subject\n\nBody.\n\nAcked-by: Bo <bo@example.com>\n# ------------------------ >8 ------------------------\nTested-by: X\n",
        // old-style conflicts block after the trailers
        "Merge branch 'x'\n\nSigned-off-by: Ann <ann@example.com>\n\nConflicts:\n\tfile.c\n\tother.c\n",
        // spaces before the colon, empty values, keys with digits
        "Subject\n\nBody.\n\nBug : 42\nCo-authored-by:\nX2-Key: v\n",
        // a leading space is never a trailer; tabs inside the token
        "Subject\n\nBody.\n\n Acked-by: Bo\n",
        "Subject\n\nBody.\n\nAcked\tby: Bo\nSigned-off-by: A <a@x>\n",
        // no final newline; CRLF line ends
        "Subject\n\nBody.\n\nAcked-by: Bo <bo@example.com>",
        "Subject\r\n\r\nBody.\r\n\r\nAcked-by: Bo <bo@example.com>\r\n",
        // a URL is not a trailer token
        "Subject\n\nBody.\n\nhttps://example.com/x\nAcked-by: Bo\n",
        // comment lines inside the title and the block
        "# comment\nSubject\n\nBody.\n\nAcked-by: Bo\n# note\nTested-by: Cy\n",
        // Co-authored-by from assistants and bots
        "Refactor\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n",
        // empty message, blank message
        "",
        "\n\n",
    };
    return messages;
}

}  // namespace

TEST_CASE("a line of dashes above Co-authored-by lines does not hide them", "[git][trailers]") {
    const std::string message =
        "Add QUERY support (#123)\n\n* first\n\n---------\n\nCo-authored-by: Ann Author <ann@example.com>\n"
        "Co-authored-by: Bo Byte <bo@example.com>\n";
    CHECK(texts(parse_trailers(message)) ==
          std::vector<std::string>{"Co-authored-by: Ann Author <ann@example.com>", "Co-authored-by: Bo Byte <bo@example.com>"});
}

TEST_CASE("git-generated lines accept a block that is a quarter trailers", "[git][trailers]") {
    // 1 sign-off + 1 trailer against 2 text lines: 2*3 >= 2.
    CHECK(texts(parse_trailers("S\n\nB\n\n[note one]\nSigned-off-by: A <a@x>\n[note two]\nAcked-by: B\n")) ==
          std::vector<std::string>{"Signed-off-by: A <a@x>", "Acked-by: B"});
    // 1 sign-off against 4 text lines: 3 < 4, not a trailer block.
    CHECK(parse_trailers("S\n\nB\n\none\ntwo\nthree\nfour\nSigned-off-by: A <a@x>\n").empty());
    // Without a git-generated line every line must be a trailer.
    CHECK(parse_trailers("S\n\nB\n\n[note]\nAcked-by: B\n").empty());
}

TEST_CASE("continuation lines fold into one value", "[git][trailers]") {
    CHECK(texts(parse_trailers("S\n\nB\n\nReviewed-by: Ann\n  <ann@x>\n")) == std::vector<std::string>{"Reviewed-by: Ann <ann@x>"});
}

TEST_CASE("the title is never a trailer block", "[git][trailers]") {
    CHECK(parse_trailers("Closes-Bug: #1\n").empty());
    CHECK(texts(parse_trailers("Subject\n\nCloses-Bug: #1\n")) == std::vector<std::string>{"Closes-Bug: #1"});
}

TEST_CASE("a --- divider ends the message only when asked", "[git][trailers]") {
    const std::string message = "S\n\nB\n\nSigned-off-by: A <a@x>\n---\n notes\n\nAcked-by: B\n";
    CHECK(texts(parse_trailers(message, Divider::honoured)) == std::vector<std::string>{"Signed-off-by: A <a@x>"});
    CHECK(texts(parse_trailers(message, Divider::ignored)) == std::vector<std::string>{"Acked-by: B"});
}

TEST_CASE("trailers match git interpret-trailers --parse on a corpus of message shapes", "[git][trailers]") {
    for (const std::string& message : corpus()) {
        INFO("message: " << message);
        CHECK(texts(parse_trailers(message, Divider::honoured)) == git_trailers(message, Divider::honoured));
        CHECK(texts(parse_trailers(message, Divider::ignored)) == git_trailers(message, Divider::ignored));
    }
}
