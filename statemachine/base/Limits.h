#pragma once
// The simulation's budgets: where Docker, Go or busybox have a limit of their own, that limit;
// where they have none (a real machine runs out of memory or stack instead), a budget that keeps
// the lab alive and is reported in clear words rather than a crash or a stall.

#include <cstddef>
#include <cstdint>
#include <string>

namespace lab::limits {

/// Go's text/template: parenthesized pipelines nest at most this deep ("max expression depth
/// exceeded", text/template/parse's maxStackDepth). The lab applies the same depth to nested
/// {{if}}/{{range}}/{{with}}, which Go bounds only by its stack.
constexpr int kTemplateDepth = 10000;
/// Go's fmt: a width or precision above this is "%!(BADWIDTH)"/"%!(BADPREC)" (fmt's tooLarge).
constexpr std::int64_t kFormatWidth = 1000000;
/// Steps (nodes, range iterations) one template run may take before it is stopped.
constexpr std::int64_t kTemplateSteps = 1000000;
/// Bytes one template run, or one printf, may write before it is stopped.
constexpr std::size_t kOutputBytes = 64u << 20;
/// busybox sh nests compound commands and $((...)) as deep as its C stack allows; the
/// simulation stops at this depth.
constexpr int kShellDepth = 1000;
/// Docker's layer store chains at most this many layers ("max depth exceeded"): 127, the
/// limit of some graph drivers, less the two a container's read-write layer adds.
constexpr std::size_t kImageLayers = 125;
/// Bytes of log the engine keeps per container: older lines are dropped beyond it, as Docker's
/// `local` log driver rotates its files.
constexpr std::size_t kLogBytesPerContainer = 64u << 20;
/// Events the engine keeps for `docker events --since` (the daemon keeps them in memory too):
/// a restart loop left alone for days must not fill the machine.
constexpr std::size_t kEngineEvents = 100000;
/// Bytes `docker run` or `start -a` follows before the console stops following.
constexpr std::size_t kAttachedOutputBytes = 1u << 20;
/// Bytes one simulated shell may hold in its variables: beyond a container's --memory the OOM
/// killer ends it first; without one, a real machine would run out of memory.
constexpr std::size_t kShellVariableBytes = 64u << 20;
/// Bytes (content and paths) a simulated container's writable layer may hold: a real disk fills
/// up too; beyond it a write fails with "No space left on device".
constexpr std::size_t kWritableLayerBytes = 64u << 20;
/// Bytes the console reads from a script or world file (/dev/zero never ends).
constexpr std::size_t kInputFileBytes = 64u << 20;

/// Bytes of an image archive `docker load` or `docker import` reads (the file, or the request
/// body): the archive is checked whole, in memory, before anything is stored.
constexpr std::size_t kImageArchiveBytes = 256u << 20;
/// Bytes one layer, and all the layers of one image, may hold once decompressed (a small gzip
/// can expand without bound).
constexpr std::size_t kImageLayerBytes = 512u << 20;
/// Entries one image archive, or one of its layers, may hold.
constexpr std::size_t kImageArchiveEntries = 100000;

/// "…: the simulation stops at N" — the words every budget error ends with.
inline std::string beyond(const std::string& what, std::int64_t limit) {
    return what + " (the simulation's limit is " + std::to_string(limit) + ")";
}

} // namespace lab::limits
