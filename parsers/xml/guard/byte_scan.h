// ByteScan: the searches that touch every byte of a document on its way to libxml2 (the
// markup-bounds check, the DOCDB pre-pass). They look at 16 bytes per step where SSE2 is
// available (all x86-64) and cost no library call, which matters because the spans they
// cross are mostly short: the text between two tags of a DOCDB record is a few bytes.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace patsub::xml {

// Set bits of a 16-bit mask, without the library call std::popcount makes on baseline
// x86-64 (no POPCNT instruction).
constexpr int bits_set16(unsigned v) {
    v = v - ((v >> 1) & 0x5555u);
    v = (v & 0x3333u) + ((v >> 2) & 0x3333u);
    v = (v + (v >> 4)) & 0x0F0Fu;
    return static_cast<int>((v + (v >> 8)) & 0x1Fu);
}

#if defined(__SSE2__)
// The matches of 16-byte blocks (newlines, say), tallied per byte lane (a match is -1, so
// subtracting counts it) and summed into `count` every 255 blocks, before a lane can
// overflow, instead of a popcount of every block's mask (baseline x86-64 has no POPCNT
// instruction).
class ByteTally {
public:
    explicit ByteTally(long& count) : count_(count) {}
    ByteTally(const ByteTally&) = delete;
    ByteTally& operator=(const ByteTally&) = delete;

    void add(__m128i matches) {
        tally_ = _mm_sub_epi8(tally_, matches);
        if (++blocks_ == 255) flush();
    }
    // Adds what is tallied to `count`: before `count` is added to directly or read.
    void flush() {
        const __m128i sums = _mm_sad_epu8(tally_, _mm_setzero_si128());
        count_ += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
        tally_ = _mm_setzero_si128();
        blocks_ = 0;
    }

private:
    long& count_;
    __m128i tally_ = _mm_setzero_si128();
    int blocks_ = 0;
};
#endif

// The first byte in [p, end) equal to `wanted` (not '\n'), or end; the newlines passed
// over are added to `lines` (by ByteTally: 5% fewer instructions for the markup check
// on USPTO full text than a popcount per block).
inline const char* find_counting_newlines(const char* p, const char* end, char wanted, long& lines) {
#if defined(__SSE2__)
    const __m128i target = _mm_set1_epi8(wanted);
    const __m128i newline = _mm_set1_epi8('\n');
    ByteTally tally(lines);
    for (; end - p >= 16; p += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, target)));
        const __m128i is_newline = _mm_cmpeq_epi8(block, newline);
        if (hits != 0) {
            tally.flush();
            const int at = std::countr_zero(hits);
            lines += bits_set16(static_cast<unsigned>(_mm_movemask_epi8(is_newline)) & ((1u << at) - 1));
            return p + at;
        }
        tally.add(is_newline);
    }
    tally.flush();
#endif
    for (; p < end; ++p) {
        if (*p == wanted) return p;
        if (*p == '\n') ++lines;
    }
    return end;
}

// The first byte in [p, end) equal to `a` or `b`, or end.
inline const char* find_either(const char* p, const char* end, char a, char b) {
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(a);
    const __m128i second = _mm_set1_epi8(b);
    for (; end - p >= 16; p += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto hits = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, first), _mm_cmpeq_epi8(block, second))));
        if (hits != 0) return p + std::countr_zero(hits);
    }
#endif
    for (; p < end; ++p)
        if (*p == a || *p == b) return p;
    return end;
}

// How many bytes in [p, end) equal `wanted`, counting stops once it passes `limit` (the
// answer is then limit + 1): a bound the caller compares with a limit, found 16 bytes a
// step and looked at every 4 KiB.
inline std::size_t count_up_to(const char* p, const char* end, char wanted, std::size_t limit) {
    long count = 0;
#if defined(__SSE2__)
    const __m128i target = _mm_set1_epi8(wanted);
    ByteTally tally(count);
    while (end - p >= 16 && static_cast<std::size_t>(count) <= limit) {
        const char* const stop = p + 16 * std::min<std::ptrdiff_t>((end - p) / 16, 254);
        for (; p < stop; p += 16)
            tally.add(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), target));
        tally.flush();
    }
#endif
    for (; p < end && static_cast<std::size_t>(count) <= limit; ++p)
        if (*p == wanted) ++count;
    return std::min(static_cast<std::size_t>(count), limit + 1);
}

}  // namespace patsub::xml
