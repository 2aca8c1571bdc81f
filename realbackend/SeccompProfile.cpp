#include "SeccompProfile.h"

#include "Syscalls.h"
#include "UniqueFd.h"

#include <cerrno>
#include <linux/capability.h>
#include <map>
#include <memory>
#include <mutex>
#include <seccomp.h>
#include <sstream>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lab::real {
namespace {

// Allowed for every container (Docker 20.10's profile, the calls of all architectures; a name
// this architecture lacks is skipped).
constexpr const char* kAllowed = R"(
accept accept4 access adjtimex alarm bind brk capget capset chdir chmod chown chown32
clock_adjtime clock_adjtime64 clock_getres clock_getres_time64 clock_gettime clock_gettime64
clock_nanosleep clock_nanosleep_time64 close close_range connect copy_file_range creat dup dup2
dup3 epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait
epoll_wait_old eventfd eventfd2 execve execveat exit exit_group faccessat faccessat2 fadvise64
fadvise64_64 fallocate fanotify_mark fchdir fchmod fchmodat fchown fchown32 fchownat fcntl fcntl64
fdatasync fgetxattr flistxattr flock fork fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs
fstatfs64 fsync ftruncate ftruncate64 futex futex_time64 futex_waitv futimesat getcpu getcwd
getdents getdents64 getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups getgroups32
getitimer getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid getresgid32
getresuid getresuid32 getrlimit get_robust_list getrusage getsid getsockname getsockopt
get_thread_area gettid gettimeofday getuid getuid32 getxattr inotify_add_watch inotify_init
inotify_init1 inotify_rm_watch io_cancel ioctl io_destroy io_getevents io_pgetevents
io_pgetevents_time64 ioprio_get ioprio_set io_setup io_submit io_uring_enter io_uring_register
io_uring_setup ipc kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown
lchown32 lgetxattr link linkat listen listxattr llistxattr _llseek lremovexattr lseek lsetxattr
lstat lstat64 madvise membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod mknodat
mlock mlock2 mlockall mmap mmap2 mprotect mq_getsetattr mq_notify mq_open mq_timedreceive
mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv
msgsnd msync munlock munlockall munmap name_to_handle_at nanosleep newfstatat _newselect open
openat openat2 pause pidfd_open pidfd_send_signal pipe pipe2 pkey_alloc pkey_free pkey_mprotect
poll ppoll ppoll_time64 prctl pread64 preadv preadv2 prlimit64 process_mrelease pselect6
pselect6_time64 pwrite64 pwritev pwritev2 read readahead readlink readlinkat readv recv recvfrom
recvmmsg recvmmsg_time64 recvmsg remap_file_pages removexattr rename renameat renameat2
restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn
rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo sched_getaffinity
sched_getattr sched_getparam sched_get_priority_max sched_get_priority_min sched_getscheduler
sched_rr_get_interval sched_rr_get_interval_time64 sched_setaffinity sched_setattr
sched_setparam sched_setscheduler sched_yield seccomp select semctl semget semop semtimedop
semtimedop_time64 send sendfile sendfile64 sendmmsg sendmsg sendto setfsgid setfsgid32 setfsuid
setfsuid32 setgid setgid32 setgroups setgroups32 setitimer setpgid setpriority setregid
setregid32 setresgid setresgid32 setresuid setresuid32 setreuid setreuid32 setrlimit
set_robust_list setsid setsockopt set_thread_area set_tid_address setuid setuid32 setxattr shmat
shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 sigprocmask sigreturn socketcall
socketpair splice stat stat64 statfs statfs64 statx symlink symlinkat sync sync_file_range
syncfs sysinfo tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime
timer_gettime64 timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64
timerfd_settime timerfd_settime64 times tkill truncate truncate64 ugetrlimit umask uname unlink
unlinkat utime utimensat utimensat_time64 utimes vfork vmsplice wait4 waitid waitpid write writev
process_vm_readv process_vm_writev ptrace arch_prctl modify_ldt
)";

// Allowed only with the capability that makes them safe.
struct CapabilityCalls {
    int capability;
    const char* names;
};
const CapabilityCalls kWithCapability[] = {
    {CAP_DAC_READ_SEARCH, "open_by_handle_at"},
    {CAP_SYS_ADMIN, "bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie "
                    "mount mount_setattr move_mount open_tree perf_event_open quotactl "
                    "quotactl_fd setdomainname sethostname setns syslog umount umount2 unshare"},
    {CAP_SYS_BOOT, "reboot"},
    {CAP_SYS_CHROOT, "chroot"},
    {CAP_SYS_MODULE, "delete_module init_module finit_module"},
    {CAP_SYS_PACCT, "acct"},
    {CAP_SYS_PTRACE, "kcmp pidfd_getfd process_madvise"},
    {CAP_SYS_RAWIO, "iopl ioperm"},
    {CAP_SYS_TIME, "settimeofday stime clock_settime clock_settime64"},
    {CAP_SYS_TTY_CONFIG, "vhangup"},
    {CAP_SYS_NICE, "get_mempolicy mbind set_mempolicy set_mempolicy_home_node"},
    {CAP_SYSLOG, "syslog"},
    {CAP_BPF, "bpf"},
    {CAP_PERFMON, "perf_event_open"},
};

// The namespace flags clone may not carry without CAP_SYS_ADMIN (NEWNS, NEWCGROUP, NEWUTS,
// NEWIPC, NEWUSER, NEWPID, NEWNET).
constexpr scmp_datum_t kNamespaceFlags = 0x7E020000;
constexpr int kAfVsock = 40;

using Context = std::unique_ptr<void, void (*)(scmp_filter_ctx)>;

Expected<SeccompProgram> compile(std::uint64_t capabilities) {
    Context context(seccomp_init(SCMP_ACT_ERRNO(EPERM)), &seccomp_release);
    if (!context)
        return Error{"seccomp_init failed"};
    SeccompProgram program;
    std::map<int, bool> added; // each system call once
    auto allow = [&](const std::string& name) -> Status {
        const int number = seccomp_syscall_resolve_name(name.c_str());
        if (number == __NR_SCMP_ERROR || added[number])
            return Ok{};
        if (const int rc = seccomp_rule_add(context.get(), SCMP_ACT_ALLOW, number, 0); rc < 0)
            return errnoError("seccomp_rule_add " + name, -rc);
        added[number] = true;
        ++program.allowed;
        return Ok{};
    };
    auto allowAll = [&](const char* names) -> Status {
        std::istringstream words(names);
        for (std::string name; words >> name;)
            if (auto done = allow(name); !done)
                return done;
        return Ok{};
    };
    if (auto done = allowAll(kAllowed); !done)
        return done.error();
    for (const CapabilityCalls& group : kWithCapability)
        if (capabilities & (std::uint64_t(1) << group.capability))
            if (auto done = allowAll(group.names); !done)
                return done.error();
    int rc = 0;
    auto rule = [&](uint32_t action, int number, unsigned count, const scmp_arg_cmp* args) {
        if (rc >= 0)
            rc = seccomp_rule_add_array(context.get(), action, number, count, args);
    };
    const scmp_arg_cmp notVsock = SCMP_A0(SCMP_CMP_NE, kAfVsock);
    rule(SCMP_ACT_ALLOW, SCMP_SYS(socket), 1, &notVsock);
    for (scmp_datum_t persona : {0x0UL, 0x8UL, 0x20000UL, 0x20008UL, 0xffffffffUL}) {
        const scmp_arg_cmp only = SCMP_A0(SCMP_CMP_EQ, persona);
        rule(SCMP_ACT_ALLOW, SCMP_SYS(personality), 1, &only);
    }
    if (!(capabilities & (std::uint64_t(1) << CAP_SYS_ADMIN))) {
        const scmp_arg_cmp noNamespaces = SCMP_A0(SCMP_CMP_MASKED_EQ, kNamespaceFlags, 0);
        rule(SCMP_ACT_ALLOW, SCMP_SYS(clone), 1, &noNamespaces);
        rule(SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0, nullptr);
    }
    if (rc < 0)
        return errnoError("seccomp_rule_add", -rc);
    UniqueFd memory(::memfd_create("lab-seccomp", MFD_CLOEXEC));
    if (!memory)
        return errnoError("memfd_create", errno);
    if (rc = seccomp_export_bpf(context.get(), memory.get()); rc < 0)
        return errnoError("seccomp_export_bpf", -rc);
    struct stat size {};
    if (::fstat(memory.get(), &size) < 0)
        return errnoError("fstat", errno);
    program.instructions.resize(std::size_t(size.st_size) / sizeof(sock_filter));
    const auto bytes = ssize_t(program.instructions.size() * sizeof(sock_filter));
    if (::pread(memory.get(), program.instructions.data(), std::size_t(bytes), 0) != bytes)
        return errnoError("reading the seccomp program", errno);
    return program;
}

} // namespace

Expected<SeccompProgram> dockerDefaultSeccomp(std::uint64_t capabilities) {
    static std::mutex lock;
    static std::map<std::uint64_t, SeccompProgram> compiled;
    std::lock_guard guard(lock);
    if (auto found = compiled.find(capabilities); found != compiled.end())
        return found->second;
    auto program = compile(capabilities);
    if (program)
        compiled[capabilities] = *program;
    return program;
}

} // namespace lab::real
