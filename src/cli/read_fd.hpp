// read_fd.hpp — the block read that the CSV reader (csv.cc) and the request-line
// reader (line_reader.hpp) share.
#ifndef SIPOLICY_SRC_CLI_READ_FD_HPP_
#define SIPOLICY_SRC_CLI_READ_FD_HPP_

#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>

namespace sipolicy::cli {

// Reads up to `chunk` bytes from `fd` onto the end of `*buf`, again when a
// signal interrupts: the count read, 0 at the end of the input, or -1 with
// errno set.
inline ssize_t AppendRead(int fd, std::size_t chunk, std::string* buf) {
  const std::size_t old = buf->size();
  buf->resize(old + chunk);
  ssize_t got;
  do {
    got = ::read(fd, buf->data() + old, chunk);
  } while (got < 0 && errno == EINTR);
  const int error = errno;
  buf->resize(old + static_cast<std::size_t>(got > 0 ? got : 0));
  errno = error;
  return got;
}

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_READ_FD_HPP_
