#include "DevicePolicy.h"

#include "Syscalls.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lab::real {
namespace {

// Registers of the program: the kernel passes the context in r1 and takes the answer in r0.
constexpr std::uint8_t kAnswer = BPF_REG_0, kContext = BPF_REG_1, kAccess = BPF_REG_2,
                       kType = BPF_REG_3, kMajor = BPF_REG_4, kMinor = BPF_REG_5,
                       kScratch = BPF_REG_6;

bpf_insn instruction(std::uint8_t code, std::uint8_t dst, std::uint8_t src, std::int16_t offset,
                     std::int32_t immediate) {
    bpf_insn made{};
    made.code = code;
    made.dst_reg = dst & 0xf;
    made.src_reg = src & 0xf;
    made.off = offset;
    made.imm = immediate;
    return made;
}

bpf_insn loadWord(std::uint8_t dst, std::int16_t offset) {
    return instruction(BPF_LDX | BPF_MEM | BPF_W, dst, kContext, offset, 0);
}
bpf_insn withImmediate(std::uint8_t operation, std::uint8_t dst, std::int32_t immediate) {
    return instruction(BPF_ALU64 | operation | BPF_K, dst, 0, 0, immediate);
}
bpf_insn copy(std::uint8_t dst, std::uint8_t src) {
    return instruction(BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0);
}
bpf_insn skipUnlessEqual(std::uint8_t reg, std::int32_t value, std::int16_t skip) {
    return instruction(BPF_JMP | BPF_JNE | BPF_K, reg, 0, skip, value);
}
bpf_insn skipIfNonZero(std::uint8_t reg, std::int16_t skip) {
    return instruction(BPF_JMP | BPF_JNE | BPF_K, reg, 0, skip, 0);
}
bpf_insn answer(std::int32_t allowed) {
    return withImmediate(BPF_MOV, kAnswer, allowed);
}
bpf_insn leave() {
    return instruction(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}

// The accesses of "rwm" as the kernel's bits (BPF_DEVCG_ACC_*).
std::int32_t accessBits(const char* access) {
    std::int32_t bits = 0;
    for (const char* letter = access; *letter; ++letter)
        bits |= *letter == 'r'   ? BPF_DEVCG_ACC_READ
                : *letter == 'w' ? BPF_DEVCG_ACC_WRITE
                                 : BPF_DEVCG_ACC_MKNOD;
    return bits;
}

constexpr std::int32_t kEveryAccess =
    BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE | BPF_DEVCG_ACC_MKNOD;

// One rule: each test that fails skips to the next rule; passing them all answers 1.
std::vector<bpf_insn> ruleBlock(const DeviceRule& rule) {
    std::vector<std::pair<std::uint8_t, std::int32_t>> mustEqual{
        {kType, rule.type == 'b' ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR}};
    if (rule.major)
        mustEqual.emplace_back(kMajor, std::int32_t(*rule.major));
    if (rule.minor)
        mustEqual.emplace_back(kMinor, std::int32_t(*rule.minor));
    const std::int32_t refused = kEveryAccess & ~accessBits(rule.access);
    // Tests, then "r0 = 1; exit": a test at index i skips what is left of the block.
    const std::size_t length = mustEqual.size() + (refused ? 3 : 0) + 2;
    std::vector<bpf_insn> block;
    const auto skipToNextRule = [&] { return std::int16_t(length - block.size() - 1); };
    for (const auto& [reg, value] : mustEqual)
        block.push_back(skipUnlessEqual(reg, value, skipToNextRule()));
    if (refused) { // an access the rule does not give: the request must ask for none of them
        block.push_back(copy(kScratch, kAccess));
        block.push_back(withImmediate(BPF_AND, kScratch, refused));
        block.push_back(skipIfNonZero(kScratch, skipToNextRule()));
    }
    block.push_back(answer(1));
    block.push_back(leave());
    return block;
}

// The context is struct bpf_cgroup_dev_ctx: access_type (the type in the low 16 bits, the
// accesses asked for in the high 16), major, minor; each a 32-bit word.
std::vector<bpf_insn> compile(const std::vector<DeviceRule>& rules) {
    std::vector<bpf_insn> program{loadWord(kAccess, 0),
                                  copy(kType, kAccess),
                                  withImmediate(BPF_AND, kType, 0xffff),
                                  withImmediate(BPF_RSH, kAccess, 16),
                                  loadWord(kMajor, 4),
                                  loadWord(kMinor, 8)};
    for (const DeviceRule& rule : rules) {
        const std::vector<bpf_insn> block = ruleBlock(rule);
        program.insert(program.end(), block.begin(), block.end());
    }
    program.push_back(answer(0)); // no rule allowed it
    program.push_back(leave());
    return program;
}

long bpf(int command, bpf_attr& attributes) {
    return ::syscall(SYS_bpf, command, &attributes, sizeof attributes);
}

// BPF_PROG_LOAD; log, if given, gets the verifier's account (a log too small fails the load).
UniqueFd loadProgram(const std::vector<bpf_insn>& program, std::vector<char>* log) {
    static const char license[] = "GPL"; // what cgroup programs are loaded under
    bpf_attr load{};
    load.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    load.insns = reinterpret_cast<std::uintptr_t>(program.data());
    load.insn_cnt = std::uint32_t(program.size());
    load.license = reinterpret_cast<std::uintptr_t>(license);
    if (log) {
        load.log_buf = reinterpret_cast<std::uintptr_t>(log->data());
        load.log_size = std::uint32_t(log->size());
        load.log_level = 1;
    }
    return UniqueFd(int(bpf(BPF_PROG_LOAD, load)));
}

} // namespace

const std::vector<DeviceRule>& dockerDefaultDevices() {
    static const std::vector<DeviceRule> rules{
        {'c', std::nullopt, std::nullopt, "m"}, // any character node may be made
        {'b', std::nullopt, std::nullopt, "m"}, // any block node may be made
        {'c', 1, 3, "rwm"},                     // null
        {'c', 1, 8, "rwm"},                     // random
        {'c', 1, 7, "rwm"},                     // full
        {'c', 5, 0, "rwm"},                     // tty
        {'c', 1, 5, "rwm"},                     // zero
        {'c', 1, 9, "rwm"},                     // urandom
        {'c', 5, 1, "rwm"},                     // console
        {'c', 136, std::nullopt, "rwm"},        // pts
        {'c', 5, 2, "rwm"},                     // ptmx
        {'c', 10, 200, "rwm"}};                 // tun
    return rules;
}

std::string devicesAllowLine(const DeviceRule& rule) {
    const auto number = [](const std::optional<std::uint32_t>& value) {
        return value ? std::to_string(*value) : std::string("*");
    };
    return std::string(1, rule.type) + " " + number(rule.major) + ":" + number(rule.minor) + " " +
           rule.access;
}

Status attachDeviceProgram(const std::string& cgroupDir, const std::vector<DeviceRule>& rules,
                           std::vector<std::string>& trace) {
    const std::vector<bpf_insn> program = compile(rules);
    UniqueFd loaded = loadProgram(program, nullptr);
    if (!loaded) {
        const int err = errno;
        // Once more with the verifier's log, to say why; its last lines hold the reason.
        std::vector<char> log(1 << 16);
        loadProgram(program, &log);
        std::string verifier(log.data(), strnlen(log.data(), log.size()));
        if (verifier.size() > 400)
            verifier = "..." + verifier.substr(verifier.size() - 400);
        return errnoError("bpf(BPF_PROG_LOAD, BPF_PROG_TYPE_CGROUP_DEVICE)" +
                              (verifier.empty() ? std::string() : " [verifier: " + verifier + "]"),
                          err);
    }
    trace.push_back("bpf(BPF_PROG_LOAD, BPF_PROG_TYPE_CGROUP_DEVICE, " +
                    std::to_string(program.size()) + " instructions: Docker's " +
                    std::to_string(rules.size()) +
                    " device rules) = " + std::to_string(loaded.get()));
    const UniqueFd cgroup(::open(cgroupDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!cgroup)
        return errnoError("open " + cgroupDir, errno);
    bpf_attr attach{};
    attach.target_fd = std::uint32_t(cgroup.get());
    attach.attach_bpf_fd = std::uint32_t(loaded.get());
    attach.attach_type = BPF_CGROUP_DEVICE;
    attach.attach_flags = BPF_F_ALLOW_MULTI;
    if (bpf(BPF_PROG_ATTACH, attach) < 0)
        return errnoError("bpf(BPF_PROG_ATTACH, " + cgroupDir + ", BPF_CGROUP_DEVICE)", errno);
    trace.push_back("bpf(BPF_PROG_ATTACH, " + cgroupDir +
                    ", BPF_CGROUP_DEVICE, BPF_F_ALLOW_MULTI): the kernel asks the program at "
                    "every mknod and open of a device node; mknod allowed, opening only "
                    "Docker's default nodes");
    return Ok{};
}

} // namespace lab::real
