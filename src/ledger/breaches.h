// Breaches: what an audit found wrong, each a sentence naming what it concerns. A ledger
// broken everywhere (every line edited, a file from another chain) gives a sentence per
// line, a million of them at national scale, more than the 100 MB any command may hold:
// the first kListed are kept, in the order found, and the rest only counted, so `verify`
// stays small whatever it finds and still says how many there are.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace patsub::ledger {

class Breaches {
public:
    static constexpr std::size_t kListed = 1000;

    void push_back(std::string sentence) {
        if (listed_.size() < kListed) listed_.push_back(std::move(sentence));
        ++count_;
    }
    // Formats the sentence only while it is still listed: past the first kListed, a
    // breach on every line costs a count.
    template <class... Args>
    void add(fmt::format_string<Args...> sentence, Args&&... args) {
        if (listed_.size() < kListed) listed_.push_back(fmt::format(sentence, std::forward<Args>(args)...));
        ++count_;
    }
    void append(const Breaches& other) {
        for (const std::string& b : other.listed_) push_back(b);
        count_ += other.unlisted();
    }

    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    // Found but not kept.
    std::size_t unlisted() const { return count_ - listed_.size(); }

    // The kept sentences.
    auto begin() const { return listed_.begin(); }
    auto end() const { return listed_.end(); }
    const std::string& front() const { return listed_.front(); }

private:
    std::vector<std::string> listed_;
    std::size_t count_ = 0;
};

}  // namespace patsub::ledger
