// Output validator for "Palindrome Hunt" (ICPC / Kattis protocol).
//
//   validate input_file answer_file feedback_dir [flags] < team_output
//
// Exit 42 = accepted, 43 = wrong answer; the reason goes to feedback_dir/judgemessage.txt.
// Any longest palindrome is accepted: the team's interval must be a palindrome as long as the judge's.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

static std::string feedback_dir;

[[noreturn]] static void verdict(int code, const std::string& msg) {
    std::ofstream(feedback_dir + "/judgemessage.txt") << msg << "\n";
    std::exit(code);
}
[[noreturn]] static void accept(const std::string& msg) { verdict(42, msg); }
[[noreturn]] static void reject(const std::string& msg) { verdict(43, msg); }
[[noreturn]] static void judge_error(const std::string& msg) {
    std::cerr << "judge error: " << msg << "\n";
    std::exit(1);
}

// Reads one integer token; false at end of input or when the token is not a plain integer.
static bool read_int(std::istream& in, long long& value, std::string& token) {
    if (!(in >> token)) return false;
    size_t i = (token[0] == '-' || token[0] == '+') ? 1 : 0;
    if (i == token.size() || token.size() > 12) return false;
    for (; i < token.size(); i++)
        if (!std::isdigit(static_cast<unsigned char>(token[i]))) return false;
    value = std::stoll(token);
    return true;
}

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: " << argv[0] << " input answer feedback_dir < team_output\n";
        return 1;
    }
    feedback_dir = argv[3];
    std::ifstream input(argv[1]), answer(argv[2]);
    std::string s;
    if (!(input >> s)) judge_error("cannot read the input string");
    long long n = s.size(), jl, jr;
    std::string token;
    if (!read_int(answer, jl, token) || !read_int(answer, jr, token)) judge_error("cannot read the answer file");
    long long best = jr - jl + 1;

    long long l, r;
    if (!read_int(std::cin, l, token)) reject(std::cin ? "expected an integer l, got \"" + token + "\"" : "empty output");
    if (!read_int(std::cin, r, token)) reject(std::cin ? "expected an integer r, got \"" + token + "\"" : "only one number in the output");
    if (std::cin >> token) reject("extra output after \"l r\": \"" + token + "\"");
    std::ostringstream where;
    where << "[" << l << ", " << r << "]";
    if (l < 1 || r > n || l > r) reject("interval " + where.str() + " is not inside 1.." + std::to_string(n));
    for (long long i = l - 1, j = r - 1; i < j; i++, j--) {
        if (s[i] != s[j]) {
            std::ostringstream msg;
            msg << "substring " << where.str() << " is not a palindrome: position " << i + 1 << " is '" << s[i]
                << "' but position " << j + 1 << " is '" << s[j] << "'";
            reject(msg.str());
        }
    }
    long long len = r - l + 1;
    if (len < best) reject("palindrome " + where.str() + " has length " + std::to_string(len) +
                           ", but there is one of length " + std::to_string(best));
    if (len > best) judge_error("team found a longer palindrome than the judge: " + where.str());
    accept("palindrome of length " + std::to_string(len) + " at " + where.str());
}
