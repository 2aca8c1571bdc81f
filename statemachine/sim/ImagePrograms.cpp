// Models of the default world's image commands. Sources for each (docs/WORKLOAD.md):
//  - hello-world: docker-library/hello-world hello.c, the text shown in docker-library/docs.
//  - nginx (1.25, Debian bookworm image): docker-nginx's docker-entrypoint.sh and scripts in
//    /docker-entrypoint.d/, ENTRYPOINT/CMD/STOPSIGNAL SIGQUIT from its Dockerfile; nginx's
//    master handles TERM/INT (fast shutdown), QUIT (graceful), HUP (reload), USR1 (reopen),
//    and exits 0 after a shutdown. One worker process is modelled.
//  - redis (7.2): docker-entrypoint.sh ends in `exec "$@"`; redis-server handles TERM and INT
//    (shutdown at the next cron tick, exit 0) and ignores HUP.
//  - tomcat:8.5.38: `catalina.sh run` execs java; the JVM runs its shutdown hooks on TERM, INT
//    and HUP and then exits 128+signal (143 for docker stop).
// Log lines carry the container's clock in each program's own format.

#include "sim/ImagePrograms.h"

#include "sim/Program.h"
#include "sim/Shell.h"
#include "sim/Signal.h"

#include <array>
#include <cstdio>
#include <memory>

namespace lab {
namespace {

// Calendar fields of a moment in UTC (days-from-civil inverse, H. Hinnant's algorithm).
struct Civil {
    int year, month, day, hour, minute, second, millisecond;
};

Civil civil(TimePoint t) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    long long days = ms / 86'400'000;
    long long rest = ms % 86'400'000;
    if (rest < 0)
        rest += 86'400'000, --days;
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
    return {year,
            month,
            day,
            static_cast<int>(rest / 3'600'000),
            static_cast<int>(rest / 60'000 % 60),
            static_cast<int>(rest / 1000 % 60),
            static_cast<int>(rest % 1000)};
}

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <typename... Args> std::string format(const char* pattern, Args... args) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, args...);
    return buffer;
}

// -------------------------------------------------------------------------------- hello-world

constexpr const char* kHello =
    "\n"
    "Hello from Docker!\n"
    "This message shows that your installation appears to be working correctly.\n"
    "\n"
    "To generate this message, Docker took the following steps:\n"
    " 1. The Docker client contacted the Docker daemon.\n"
    " 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n"
    "    (amd64)\n"
    " 3. The Docker daemon created a new container from that image which runs the\n"
    "    executable that produces the output you are currently reading.\n"
    " 4. The Docker daemon streamed that output to the Docker client, which sent it\n"
    "    to your terminal.\n"
    "\n"
    "To try something more ambitious, you can run an Ubuntu container with:\n"
    " $ docker run -it ubuntu bash\n"
    "\n"
    "Share images, automate workflows, and more with a free Docker ID:\n"
    " https://hub.docker.com/\n"
    "\n"
    "For more examples and ideas, visit:\n"
    " https://docs.docker.com/get-started/\n"
    "\n";

std::unique_ptr<Process> hello(ProcessContext context, TimePoint now) {
    auto program = std::make_unique<Program>(std::move(context), now);
    program->print(now, Stream::Stdout, kHello);
    program->exitAt(now, 0);
    return program;
}

// -------------------------------------------------------------------------------------- nginx

constexpr const char* kNginxEntrypoint = R"(
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
echo "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
echo "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"
echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"
echo "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
echo "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"
echo "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"
echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"
echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"
echo "/docker-entrypoint.sh: Configuration complete; ready for start up"
fi
exec "$@"
)";

// The official redis entrypoint ends the same way (its chown and user switch print nothing).
constexpr const char* kRedisEntrypoint = "exec \"$@\"\n";

std::unique_ptr<Process> script(const char* text, const std::string& path,
                                const std::vector<std::string>& argv, ProcessContext context,
                                TimePoint now) {
    std::vector<std::string> args = argv;
    args[0] = path;
    auto parsed = parseProgram(context, text);
    return std::make_unique<Shell>(std::move(context), *parsed, std::move(args), false, now);
}

std::string nginxLine(TimePoint at, int pid, const std::string& text) {
    const Civil c = civil(at);
    return format("%04d/%02d/%02d %02d:%02d:%02d", c.year, c.month, c.day, c.hour, c.minute,
                  c.second) +
           " [notice] " + std::to_string(pid) + "#" + std::to_string(pid) + ": " + text + "\n";
}

// The master's log, as one worker's life and death reads in it.
void nginxWorkerExits(Program& self, TimePoint at, int worker, bool graceful) {
    const int master = self.pid();
    if (graceful)
        self.print(at, Stream::Stderr, nginxLine(at, worker, "gracefully shutting down"));
    self.print(at, Stream::Stderr, nginxLine(at, worker, "exiting"));
    self.print(at, Stream::Stderr, nginxLine(at, worker, "exit"));
    self.print(
        at, Stream::Stderr,
        nginxLine(at, master, "signal 17 (SIGCHLD) received from " + std::to_string(worker)));
    self.print(
        at, Stream::Stderr,
        nginxLine(at, master, "worker process " + std::to_string(worker) + " exited with code 0"));
}

std::unique_ptr<Process> nginx(const std::vector<std::string>& argv, ProcessContext context,
                               TimePoint now) {
    bool foreground = false;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-v" || argv[i] == "-t") {
            auto program = std::make_unique<Program>(std::move(context), now);
            program->print(
                now, Stream::Stderr,
                argv[i] == "-v"
                    ? "nginx version: nginx/1.25.3\n"
                    : "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                      "nginx: configuration file /etc/nginx/nginx.conf test is successful\n");
            program->exitAt(now, 0);
            return program;
        }
        if (argv[i] == "-g" && i + 1 < argv.size() &&
            argv[i + 1].find("daemon off") != std::string::npos)
            foreground = true;
    }
    auto* pids = context.pids;
    auto program = std::make_unique<Program>(std::move(context), now);
    if (!foreground) {
        // Without `daemon off;` the master forks into the background and the container's
        // process, the one that was started, exits 0 at once.
        program->exitAt(now, 0);
        return program;
    }
    const int master = program->pid();
    auto worker = std::make_shared<int>(pids ? pids->next() : master + 28);
    for (const char* line : {"using the \"epoll\" event method", "nginx/1.25.3",
                             "built by gcc 12.2.0 (Debian 12.2.0-14) ", "OS: Linux 6.1.0-13-amd64",
                             "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes"})
        program->print(now, Stream::Stderr, nginxLine(now, master, line));
    program->print(now, Stream::Stderr,
                   nginxLine(now, master, "start worker process " + std::to_string(*worker)));

    auto shutdown = [worker](Program& self, int signal, TimePoint at) {
        const bool graceful = signal == sig::QUIT;
        self.print(
            at, Stream::Stderr,
            nginxLine(at, self.pid(),
                      format("signal %d (SIG%s) received, %s", signal, signalName(signal).c_str(),
                             graceful ? "shutting down" : "exiting")));
        const TimePoint end = at + 10ms;
        nginxWorkerExits(self, end, *worker, graceful);
        self.print(end, Stream::Stderr, nginxLine(end, self.pid(), "exit"));
        self.exitAt(end, 0);
    };
    program->handle(sig::TERM, shutdown);
    program->handle(sig::INT, shutdown);
    program->handle(sig::QUIT, shutdown);
    program->handle(sig::HUP, [worker, pids](Program& self, int, TimePoint at) {
        const int old = *worker;
        *worker = pids ? pids->next() : old + 1;
        for (const char* line : {"signal 1 (SIGHUP) received, reconfiguring", "reconfiguring",
                                 "using the \"epoll\" event method", "start worker processes"})
            self.print(at, Stream::Stderr, nginxLine(at, self.pid(), line));
        self.print(at, Stream::Stderr,
                   nginxLine(at, self.pid(), "start worker process " + std::to_string(*worker)));
        nginxWorkerExits(self, at + 10ms, old, true);
    });
    program->handle(sig::USR1, [](Program& self, int, TimePoint at) {
        self.print(at, Stream::Stderr,
                   nginxLine(at, self.pid(), "signal 10 (SIGUSR1) received, reopening logs"));
        self.print(at, Stream::Stderr, nginxLine(at, self.pid(), "reopening logs"));
    });
    for (int quiet : {sig::USR2, sig::WINCH})
        program->handle(quiet, [](Program&, int, TimePoint) {});
    return program;
}

// -------------------------------------------------------------------------------------- redis

std::string redisLine(TimePoint at, int pid, char role, char level, const std::string& text) {
    const Civil c = civil(at);
    return std::to_string(pid) + ":" + role + " " +
           format("%02d %s %04d %02d:%02d:%02d.%03d", c.day,
                  kMonths[static_cast<std::size_t>(c.month - 1)], c.year, c.hour, c.minute,
                  c.second, c.millisecond) +
           " " + level + " " + text + "\n";
}

std::unique_ptr<Process> redis(ProcessContext context, TimePoint now) {
    auto program = std::make_unique<Program>(std::move(context), now);
    const int pid = program->pid();
    auto say = [&](char role, char level, const std::string& text) {
        program->print(now, Stream::Stdout, redisLine(now, pid, role, level, text));
    };
    say('C', '*', "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
    say('C', '*',
        "Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=" + std::to_string(pid) +
            ", just started");
    say('C', '#',
        "Warning: no config file specified, using the default config. In order to specify a config "
        "file use "
        "redis-server /path/to/redis.conf");
    say('M', '*', "monotonic clock: POSIX clock_gettime");
    say('M', '*', "Running mode=standalone, port=6379.");
    say('M', '*', "Server initialized");
    say('M', '*', "Ready to accept connections tcp");

    auto shutdown = [](Program& self, int signal, TimePoint at) {
        const auto seconds =
            std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
        self.print(at, Stream::Stdout,
                   std::to_string(self.pid()) + ":signal-handler (" + std::to_string(seconds) +
                       ") Received SIG" + signalName(signal) + " scheduling shutdown...\n");
        // The shutdown itself happens in serverCron, which runs every 100 ms (hz 10).
        const TimePoint cron = at + 100ms;
        for (const auto& [level, text] :
             {std::pair<char, const char*>{'*', "User requested shutdown..."},
              {'*', "Saving the final RDB snapshot before exiting."},
              {'*', "DB saved on disk"},
              {'#', "Redis is now ready to exit, bye bye..."}})
            self.print(cron, Stream::Stdout, redisLine(cron, self.pid(), 'M', level, text));
        self.exitAt(cron, 0);
    };
    program->handle(sig::TERM, shutdown);
    program->handle(sig::INT, shutdown);
    program->handle(sig::HUP, [](Program&, int, TimePoint) {}); // redis sets SIGHUP to SIG_IGN
    return program;
}

// ------------------------------------------------------------------------------------- tomcat

std::string tomcatLine(TimePoint at, const char* thread, const std::string& text) {
    const Civil c = civil(at);
    return format("%02d-%s-%04d %02d:%02d:%02d.%03d", c.day,
                  kMonths[static_cast<std::size_t>(c.month - 1)], c.year, c.hour, c.minute,
                  c.second, c.millisecond) +
           " INFO [" + thread + "] " + text + "\n";
}

std::unique_ptr<Process> catalina(const std::vector<std::string>& argv, ProcessContext context,
                                  TimePoint now) {
    auto program = std::make_unique<Program>(std::move(context), now);
    if (argv.size() < 2 || argv[1] != "run") {
        program->print(now, Stream::Stdout, "Usage: catalina.sh ( commands ... )\n");
        program->exitAt(now, 1);
        return program;
    }
    const std::pair<Duration, const char*> startup[] = {
        {300ms, "org.apache.catalina.startup.VersionLoggerListener.log Server version:        "
                "Apache Tomcat/8.5.38"},
        {300ms, "org.apache.catalina.startup.VersionLoggerListener.log Server built:          Feb "
                "5 2019 11:42:42 UTC"},
        {300ms,
         "org.apache.catalina.startup.VersionLoggerListener.log Server number:         8.5.38.0"},
        {700ms, "org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler "
                "[\"http-nio-8080\"]"},
        {750ms, "org.apache.catalina.startup.Catalina.load Initialization processed in 650 ms"},
        {760ms,
         "org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]"},
        {760ms, "org.apache.catalina.core.StandardEngine.startInternal Starting Servlet Engine: "
                "Apache Tomcat/8.5.38"},
        {1150ms,
         "org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler [\"http-nio-8080\"]"},
        {1170ms, "org.apache.catalina.startup.Catalina.start Server startup in 420 ms"}};
    for (const auto& [offset, text] : startup)
        program->print(now + offset, Stream::Stderr, tomcatLine(now + offset, "main", text));

    auto shutdownHooks = [](Program& self, int signal, TimePoint at) {
        for (
            const char* text :
            {"org.apache.coyote.AbstractProtocol.pause Pausing ProtocolHandler [\"http-nio-8080\"]",
             "org.apache.catalina.core.StandardService.stopInternal Stopping service [Catalina]",
             "org.apache.coyote.AbstractProtocol.stop Stopping ProtocolHandler [\"http-nio-8080\"]",
             "org.apache.coyote.AbstractProtocol.destroy Destroying ProtocolHandler "
             "[\"http-nio-8080\"]"})
            self.print(at + 20ms, Stream::Stderr, tomcatLine(at + 20ms, "Thread-5", text));
        self.exitAt(at + 50ms, 128 + signal);
    };
    for (int signal : {sig::TERM, sig::INT, sig::HUP})
        program->handle(signal, shutdownHooks);
    program->handle(sig::QUIT, [](Program&, int, TimePoint) {}); // a thread dump (not modelled)
    return program;
}

constexpr std::array<const char*, 5> kImagePaths = {
    "/hello", "/docker-entrypoint.sh", "/usr/local/bin/docker-entrypoint.sh", "/usr/sbin/nginx",
    "/usr/local/tomcat/bin/catalina.sh"};
constexpr std::array<const char*, 5> kImageNames = {"docker-entrypoint.sh", "nginx", "nginx-debug",
                                                    "redis-server", "catalina.sh"};

} // namespace

bool isImageProgramPath(const std::string& path) {
    return std::find(kImagePaths.begin(), kImagePaths.end(), path) != kImagePaths.end() ||
           path == "/usr/local/bin/redis-server";
}

bool isImageProgramName(const std::string& name) {
    return std::find(kImageNames.begin(), kImageNames.end(), name) != kImageNames.end();
}

std::unique_ptr<Process> launchImageProgram(const std::string& path,
                                            const std::vector<std::string>& argv,
                                            ProcessContext context, TimePoint now) {
    const std::string name = path.substr(path.rfind('/') + 1);
    if (path == "/hello")
        return hello(std::move(context), now);
    if (path == "/docker-entrypoint.sh")
        return script(kNginxEntrypoint, path, argv, std::move(context), now);
    if (name == "docker-entrypoint.sh")
        return script(kRedisEntrypoint, argv[0], argv, std::move(context), now);
    if (name == "nginx" || name == "nginx-debug")
        return nginx(argv, std::move(context), now);
    if (name == "redis-server")
        return redis(std::move(context), now);
    if (name == "catalina.sh")
        return catalina(argv, std::move(context), now);
    return nullptr;
}

} // namespace lab
