// sipolicy/enum_set.hpp — EnumSet<E>, a set of the values of an enum class,
// held as bits in one small unsigned integer.
//
// The rules say which insurances, unit types, target groups, … they cover;
// a result says which reasons refused a refund. EnumSet is that set: a
// constexpr value type of one integer (no allocation), bit i standing for
// the enumerator whose value is i. The enum's values must be small
// non-negative integers: 0, 1, 2, … below the width of `Bits`.
//
//   using Ins = sipolicy::Insurance;
//   using Set = sipolicy::EnumSet<Ins, std::uint8_t>;  // as sipolicy::InsuranceSet
//   Set s{Ins::kPension, Ins::kWorkInjury};
//   bool unemployment = s.contains(Ins::kUnemployment);  // false
//   s.insert(Ins::kUnemployment);                         // s.size() == 3
//   for (Ins i : s) std::cout << sipolicy::InsuranceName(i) << "\n";  // pension first
//   std::uint8_t bits = s.bits();                         // 0b111
//
// The bits are the set's integer form where one is needed (the C ABI, the
// columnar batches), and that layout is part of those interfaces: bits() and
// FromBits() are the only ways between a set and an integer.
#ifndef SIPOLICY_ENUM_SET_HPP_
#define SIPOLICY_ENUM_SET_HPP_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <ostream>
#include <iterator>
#include <limits>
#include <type_traits>

namespace sipolicy {

namespace enum_set_internal {
// Reached only by inserting a value that has no bit; not constexpr, so that
// doing so in a constant expression does not compile.
[[noreturn]] inline void ValueOutOfRange() { std::abort(); }
}  // namespace enum_set_internal

template <class E, class Bits = std::uint32_t>
class EnumSet {
  static_assert(std::is_enum_v<E>, "EnumSet<E>: E must be an enum");
  static_assert(std::is_unsigned_v<Bits> && !std::is_same_v<Bits, bool>,
                "EnumSet<E, Bits>: Bits must be an unsigned integer type");

 public:
  using value_type = E;
  using bits_type = Bits;

  // How many enumerators the set can hold: values 0 .. kCapacity - 1.
  static constexpr int kCapacity = std::numeric_limits<Bits>::digits;

  // Whether `e` has a bit in this set. Assert it of an enum's last value
  // where the set type is named:
  //   static_assert(InsuranceSet::Fits(Insurance::kWorkInjury));
  static constexpr bool Fits(E e) {
    using U = std::underlying_type_t<E>;
    const U v = static_cast<U>(e);
    if constexpr (std::is_signed_v<U>) {
      if (v < 0) return false;
    }
    return static_cast<std::make_unsigned_t<U>>(v) < static_cast<unsigned>(kCapacity);
  }

  // Visits the members in enum order (lowest value first).
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = E;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = E;

    constexpr const_iterator() = default;
    constexpr E operator*() const { return static_cast<E>(std::countr_zero(rest_)); }
    constexpr const_iterator& operator++() {
      rest_ = static_cast<Bits>(rest_ & (rest_ - 1));  // drops the lowest member
      return *this;
    }
    constexpr const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    friend constexpr bool operator==(const const_iterator&, const const_iterator&) = default;

   private:
    friend class EnumSet;
    constexpr explicit const_iterator(Bits rest) : rest_(rest) {}
    Bits rest_ = 0;  // the members not visited yet
  };
  using iterator = const_iterator;

  // The empty set.
  constexpr EnumSet() = default;
  // InsuranceSet{Insurance::kPension, Insurance::kUnemployment}; {} is empty.
  constexpr EnumSet(std::initializer_list<E> members) {
    for (E e : members) bits_ = static_cast<Bits>(bits_ | Mask(e));
  }

  // The set whose bit i is bit i of `bits`: FromBits(0b101) is {value 0,
  // value 2}. For integers that cross an interface (C ABI, columns).
  static constexpr EnumSet FromBits(Bits bits) {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  // Bit i set iff the enumerator of value i is a member.
  constexpr Bits bits() const { return bits_; }

  // A value with no bit (a C++ caller's out-of-range cast) is no member.
  constexpr bool contains(E e) const { return Fits(e) && (bits_ & Mask(e)) != 0; }
  constexpr void insert(E e) { bits_ = static_cast<Bits>(bits_ | Mask(e)); }
  constexpr void erase(E e) { bits_ = static_cast<Bits>(bits_ & ~Mask(e)); }
  constexpr void clear() { bits_ = 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr int size() const { return std::popcount(bits_); }

  constexpr const_iterator begin() const { return const_iterator(bits_); }
  constexpr const_iterator end() const { return const_iterator(); }

  // Union and intersection.
  constexpr EnumSet& operator|=(EnumSet o) {
    bits_ = static_cast<Bits>(bits_ | o.bits_);
    return *this;
  }
  constexpr EnumSet& operator&=(EnumSet o) {
    bits_ = static_cast<Bits>(bits_ & o.bits_);
    return *this;
  }
  friend constexpr EnumSet operator|(EnumSet a, EnumSet b) { return a |= b; }
  friend constexpr EnumSet operator&(EnumSet a, EnumSet b) { return a &= b; }
  friend constexpr bool operator==(const EnumSet&, const EnumSet&) = default;

  // Prints the members' values: "{0,2}" for {kPension, kWorkInjury}; "{}".
  template <class Char, class Traits>
  friend std::basic_ostream<Char, Traits>& operator<<(std::basic_ostream<Char, Traits>& os,
                                                       EnumSet s) {
    os << '{';
    bool first = true;
    for (E e : s) {
      if (!first) os << ',';
      first = false;
      os << static_cast<long long>(e);
    }
    return os << '}';
  }

 private:
  static constexpr Bits Mask(E e) {
    if (!Fits(e)) enum_set_internal::ValueOutOfRange();
    return static_cast<Bits>(Bits{1} << static_cast<int>(e));
  }

  Bits bits_ = 0;
};

}  // namespace sipolicy

#endif  // SIPOLICY_ENUM_SET_HPP_
