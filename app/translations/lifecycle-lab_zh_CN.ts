<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreWords</name>
    <message>
        <source>process started</source>
        <translation>进程已启动</translation>
    </message>
    <message>
        <source>start failed</source>
        <translation>启动失败</translation>
    </message>
    <message>
        <source>signalled</source>
        <translation>已发送信号</translation>
    </message>
    <message>
        <source>stop timed out</source>
        <translation>停止超时</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>freeze failed</source>
        <translation>冻结失败</translation>
    </message>
    <message>
        <source>thawed</source>
        <translation>已解冻</translation>
    </message>
    <message>
        <source>process exited</source>
        <translation>进程已退出</translation>
    </message>
    <message>
        <source>back-off elapsed</source>
        <translation>退避结束</translation>
    </message>
    <message>
        <source>removal done</source>
        <translation>删除完成</translation>
    </message>
    <message>
        <source>removal failed</source>
        <translation>删除失败</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>daemon stopping</source>
        <translation>守护进程关闭中</translation>
    </message>
    <message>
        <source>daemon restored</source>
        <translation>守护进程已恢复</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>check options</source>
        <translation>检查选项</translation>
    </message>
    <message>
        <source>parse reference</source>
        <translation>解析镜像引用</translation>
    </message>
    <message>
        <source>look up image locally</source>
        <translation>在本地查找镜像</translation>
    </message>
    <message>
        <source>query registry</source>
        <translation>查询镜像仓库</translation>
    </message>
    <message>
        <source>pull layers</source>
        <translation>拉取各层</translation>
    </message>
    <message>
        <source>create container</source>
        <translation>创建容器</translation>
    </message>
    <message>
        <source>attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>start container</source>
        <translation>启动容器</translation>
    </message>
    <message>
        <source>wait for exit</source>
        <translation>等待退出</translation>
    </message>
    <message>
        <source>auto-remove</source>
        <translation>自动删除</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed: options</source>
        <translation>失败：选项</translation>
    </message>
    <message>
        <source>failed: reference</source>
        <translation>失败：镜像引用</translation>
    </message>
    <message>
        <source>failed: no such image</source>
        <translation>失败：没有该镜像</translation>
    </message>
    <message>
        <source>failed: pull</source>
        <translation>失败：拉取</translation>
    </message>
    <message>
        <source>failed: create</source>
        <translation>失败：创建</translation>
    </message>
    <message>
        <source>failed: start</source>
        <translation>失败：启动</translation>
    </message>
    <message>
        <source>options valid</source>
        <translation>选项有效</translation>
    </message>
    <message>
        <source>options invalid</source>
        <translation>选项无效</translation>
    </message>
    <message>
        <source>options conflict</source>
        <translation>选项冲突</translation>
    </message>
    <message>
        <source>reference valid</source>
        <translation>引用有效</translation>
    </message>
    <message>
        <source>reference invalid</source>
        <translation>引用无效</translation>
    </message>
    <message>
        <source>image found</source>
        <translation>找到镜像</translation>
    </message>
    <message>
        <source>image missing</source>
        <translation>缺少镜像</translation>
    </message>
    <message>
        <source>manifest found</source>
        <translation>找到清单</translation>
    </message>
    <message>
        <source>registry refused</source>
        <translation>镜像仓库拒绝</translation>
    </message>
    <message>
        <source>registry unreachable</source>
        <translation>镜像仓库不可达</translation>
    </message>
    <message>
        <source>layer pulled</source>
        <translation>已拉取一层</translation>
    </message>
    <message>
        <source>pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>pull interrupted</source>
        <translation>拉取中断</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>create failed</source>
        <translation>创建失败</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>已附加</translation>
    </message>
    <message>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>real (root)</source>
        <translation>真实（root）</translation>
    </message>
    <message>
        <source>docker CLI</source>
        <translation>docker 命令行客户端</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>守护进程</translation>
    </message>
    <message>
        <source>registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>runtime</source>
        <translation>运行时</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <source>{name} was created</source>
        <translation>已创建 {name}</translation>
    </message>
    <message>
        <source>The daemon wrote down the configuration and put a writable layer over the image. No process exists yet: a created container uses no CPU and no memory, and `docker ps` shows it only with -a.</source>
        <translation>守护进程记下了配置，并在镜像之上加了一层可写层。此时还没有任何进程：已创建的容器不占 CPU，也不占内存，`docker ps` 要加 -a 才会列出它。</translation>
    </message>
    <message>
        <source>Starting {name}</source>
        <translation>正在启动 {name}</translation>
    </message>
    <message>
        <source>dockerd mounts the image&apos;s layers and the writable layer (overlay2) and asks containerd to start the container; containerd&apos;s shim runs runc, which makes new namespaces (PID, mount, network, UTS, IPC) and a cgroup that counts and limits CPU and memory, switches to the mounted root filesystem and runs the command as PID 1.</source>
        <translation>dockerd 先挂载镜像的各层和可写层（overlay2），再请 containerd 启动容器；containerd 的 shim 调用 runc，由 runc 创建新的命名空间（PID、mount、network、UTS、IPC）和一个统计并限制 CPU 与内存的 cgroup，切换到挂载好的根文件系统，然后以 PID 1 的身份运行命令。</translation>
    </message>
    <message>
        <source>Stopping {name}: its pending restart is cancelled</source>
        <translation>停止 {name}：取消待进行的重启</translation>
    </message>
    <message>
        <source>A restarting container has no process: the restart manager is only waiting out its back-off. So docker stop sends no signal and no kill event appears; it cancels the restart, and the container is exited with its last exit code ({exit}). docker events shows only stop.</source>
        <translation>重启中的容器没有进程：重启管理器只是在等退避时间结束。所以 docker stop 不发送任何信号，也不会出现 kill 事件；它取消这次重启，容器以上一次的退出码（{exit}）进入 exited 状态。docker events 只显示 stop。</translation>
    </message>
    <message>
        <source>Stopping {name}: SIGTERM, a grace period, then SIGKILL</source>
        <translation>停止 {name}：先 SIGTERM，等待宽限期，再 SIGKILL</translation>
    </message>
    <message>
        <source>docker stop sends the stop signal (SIGTERM unless the image or --stop-signal says otherwise) to PID 1 and waits, 10 s unless -t or --stop-timeout says otherwise. A process that dies of SIGTERM exits with 143 (128 + 15); one that handles it exits with whatever code its handler picks, often 0. If it is still there when the time is up, the daemon sends SIGKILL, which no process can catch (137).</source>
        <translation>docker stop 向 PID 1 发送停止信号（默认 SIGTERM，镜像或 --stop-signal 可另行指定），然后等待，默认 10 秒，可用 -t 或 --stop-timeout 修改。被 SIGTERM 终止的进程退出码为 143（128 + 15）；自己处理了 SIGTERM 的进程则以其处理函数选定的退出码退出，常见的是 0。时间到了进程还在，守护进程就发送 SIGKILL，任何进程都无法捕获它（137）。</translation>
    </message>
    <message>
        <source>Killing {name} cancels its pending restart</source>
        <translation>kill {name}：取消待进行的重启</translation>
    </message>
    <message>
        <source>Between two restarts there is no process to signal: Docker sends nothing and publishes no kill event. It cancels the restart, and the container is exited with its last exit code ({exit}).</source>
        <translation>两次重启之间没有可以接收信号的进程：Docker 什么也不发送，也不发布 kill 事件。它取消这次重启，容器以上一次的退出码（{exit}）进入 exited 状态。</translation>
    </message>
    <message>
        <source>{name} is restarting: there is no process to signal</source>
        <translation>{name} 正在重启：没有进程可以接收信号</translation>
    </message>
    <message>
        <source>Between two restarts the container has no process, so no signal is sent. This signal does not cancel the restart policy (only SIGKILL or the stop signal does); Docker only notes the container as stopped by hand.</source>
        <translation>两次重启之间容器没有进程，所以不会发送任何信号。这个信号不会取消重启策略（只有 SIGKILL 或停止信号才会）；Docker 只是把容器记为手动停止。</translation>
    </message>
    <message>
        <source>Killing {name}</source>
        <translation>正在 kill {name}</translation>
    </message>
    <message>
        <source>docker kill sends one signal at once, SIGKILL unless -s names another, with no grace period. SIGKILL cannot be caught or ignored: the kernel ends the process, and with PID 1 every other process of the container.</source>
        <translation>docker kill 立即发送一个信号，默认 SIGKILL，可用 -s 指定别的信号，没有宽限期。SIGKILL 无法被捕获或忽略：内核直接结束该进程；如果它是 PID 1，容器里的其他进程也随之结束。</translation>
    </message>
    <message>
        <source>Pausing {name}: freezing its cgroup</source>
        <translation>暂停 {name}：冻结它的 cgroup</translation>
    </message>
    <message>
        <source>The daemon asks runc to freeze the container&apos;s cgroup (cgroup v2: it writes 1 to cgroup.freeze). The kernel stops scheduling every task in it. No signal is sent: this is not SIGSTOP.</source>
        <translation>守护进程让 runc 冻结容器的 cgroup（cgroup v2：向 cgroup.freeze 写入 1）。内核不再调度其中的任何任务。整个过程不发送信号：这不是 SIGSTOP。</translation>
    </message>
    <message>
        <source>Unpausing {name}: thawing its cgroup</source>
        <translation>恢复 {name}：解冻它的 cgroup</translation>
    </message>
    <message>
        <source>runc writes 0 to cgroup.freeze: the kernel schedules the tasks again and they go on exactly where they stopped.</source>
        <translation>runc 向 cgroup.freeze 写入 0：内核重新调度这些任务，它们从停下的地方原样继续运行。</translation>
    </message>
    <message>
        <source>Restarting {name}: the pending restart is cancelled</source>
        <translation>重启 {name}：取消待进行的重启</translation>
    </message>
    <message>
        <source>A restarting container has no process, so nothing is signalled: docker restart cancels the restart manager&apos;s wait and starts the container at once (docker events: stop, start, restart).</source>
        <translation>重启中的容器没有进程，所以不发送任何信号：docker restart 取消重启管理器的等待，立即启动容器（docker events：stop、start、restart）。</translation>
    </message>
    <message>
        <source>Restarting {name}: a stop, then a start</source>
        <translation>重启 {name}：先停止，再启动</translation>
    </message>
    <message>
        <source>docker restart is docker stop (the same SIGTERM, grace period, SIGKILL) followed by docker start; a container that is not running is only started. It keeps its ID, its name and its writable layer; docker events shows a restart event.</source>
        <translation>docker restart 就是先 docker stop（同样是 SIGTERM、宽限期、SIGKILL），再 docker start；没在运行的容器则只做启动。容器保留原来的 ID、名称和可写层；docker events 会显示 restart 事件。</translation>
    </message>
    <message>
        <source>Removing {name}</source>
        <translation>正在删除 {name}</translation>
    </message>
    <message>
        <source>The removal is in progress (removing): the daemon marks the container dead and saves that, deletes its writable layer and its directory, then forgets its ID and name. Its cgroup went already when its process exited (the lab&apos;s real backend keeps it until rm).</source>
        <translation>删除正在进行（removing，删除中）：守护进程先把容器标记为 dead 并保存，然后删除它的可写层和目录，最后忘掉它的 ID 和名称。它的 cgroup 在进程退出时就已经删除了（本实验的真实后端会保留到 rm 为止）。</translation>
    </message>
    <message>
        <source>Force-removing {name}</source>
        <translation>正在强制删除 {name}</translation>
    </message>
    <message>
        <source>rm -f on a running or paused container sends SIGKILL first (thawing a paused one), waits for the exit, then removes it. There is no grace period: the process gets no chance to clean up. A container with no process is removed at once.</source>
        <translation>对运行中或已暂停的容器，rm -f 先发送 SIGKILL（已暂停的会先解冻），等进程退出后再删除容器。没有宽限期：进程没有机会做清理。没有进程的容器会被立即删除。</translation>
    </message>
    <message>
        <source>{name} has a new name</source>
        <translation>{name} 换了新名称</translation>
    </message>
    <message>
        <source>A name is only a label in the daemon&apos;s table: the ID, the process and the filesystem are unchanged. docker events shows rename.</source>
        <translation>名称只是守护进程表里的一个标签：ID、进程和文件系统都不变。docker events 显示 rename。</translation>
    </message>
    <message>
        <source>Waiting for {name}</source>
        <translation>正在等待 {name}</translation>
    </message>
    <message>
        <source>docker wait blocks until the container&apos;s next exit and prints its exit code; on a container that is not running it answers at once.</source>
        <translation>docker wait 会一直阻塞到容器下一次退出，然后打印退出码；如果容器没在运行，它立即返回。</translation>
    </message>
    <message>
        <source>{name} is running</source>
        <translation>{name} 正在运行</translation>
    </message>
    <message>
        <source>Its command runs as PID 1 of its own PID namespace; its cgroup counts every process it starts. On the host it is an ordinary process with another PID.</source>
        <translation>它的命令在自己的 PID 命名空间里作为 PID 1 运行；它启动的每个进程都计入它的 cgroup。在宿主机上看，它只是一个普通进程，PID 不同而已。</translation>
    </message>
    <message>
        <source>{name} could not start</source>
        <translation>{name} 启动失败</translation>
    </message>
    <message>
        <source>The runtime failed before the command ran ({error}). Docker records the error and exit code {exit} (127: command not found, 126: not executable, 128: another failure); the container is {state}.</source>
        <translation>命令还没运行，运行时就失败了（{error}）。Docker 记下错误和退出码 {exit}（127：找不到命令；126：无法执行；128：其他失败）；容器现在是 {state}。</translation>
    </message>
    <message>
        <source>Docker signalled {name}&apos;s PID 1</source>
        <translation>Docker 向 {name} 的 PID 1 发送了信号</translation>
    </message>
    <message>
        <source>docker events shows kill with the signal&apos;s number: Docker sent it. Whether it acts is up to the kernel: a signal sent to PID 1 of a PID namespace is dropped unless that process installed a handler for it. So `sleep` as PID 1 ignores SIGTERM and only SIGKILL ends it; with --init, tini is PID 1 and passes SIGTERM on to the command.</source>
        <translation>docker events 显示带信号编号的 kill：表示 Docker 发出了这个信号。信号是否生效由内核决定：发给 PID 命名空间中 PID 1 的信号，除非该进程为它安装了处理函数，否则会被丢弃。所以作为 PID 1 的 `sleep` 会无视 SIGTERM，只有 SIGKILL 能结束它；加上 --init 后，tini 成为 PID 1，会把 SIGTERM 转交给命令。</translation>
    </message>
    <message>
        <source>{name}&apos;s stop timeout ran out</source>
        <translation>{name} 的停止超时已到</translation>
    </message>
    <message>
        <source>When a stop (docker stop, docker restart, the daemon&apos;s shutdown) still waits for PID 1, the grace period is over: the daemon sends SIGKILL, which no process can catch or ignore, and the exit code will be 137 = 128 + 9. When a kill is already on its way, there is nothing more to do.</source>
        <translation>如果停止操作（docker stop、docker restart、守护进程关闭）还在等 PID 1，宽限期就此结束：守护进程发送任何进程都无法捕获或忽略的 SIGKILL，退出码将是 137 = 128 + 9。如果 kill 已经在进行中，就无需再做什么。</translation>
    </message>
    <message>
        <source>{name} is paused</source>
        <translation>{name} 已暂停</translation>
    </message>
    <message>
        <source>The cgroup freezer has stopped every task of the container. They keep their memory and open files but get no CPU. It is not a signal: the processes cannot see, catch or refuse it, and they still count as running (Running=true, Paused=true).</source>
        <translation>cgroup 冻结器让容器的所有任务停了下来。它们保留内存和打开的文件，但得不到 CPU。这不是信号：进程看不到、捕获不了、也拒绝不了它，而且仍然算作在运行（Running=true，Paused=true）。</translation>
    </message>
    <message>
        <source>{name} could not be paused</source>
        <translation>{name} 暂停失败</translation>
    </message>
    <message>
        <source>The freezer refused ({error}); the container keeps running.</source>
        <translation>冻结器拒绝了（{error}）；容器继续运行。</translation>
    </message>
    <message>
        <source>{name} is running again</source>
        <translation>{name} 恢复运行</translation>
    </message>
    <message>
        <source>The cgroup was thawed: the processes continue where they were frozen. Time did pass: timers that expired meanwhile fire at once, network peers may have given up, and a health check reads unhealthy until its next probe.</source>
        <translation>cgroup 已解冻：进程从被冻结的地方继续运行。但时间确实过去了：期间到期的定时器会立刻触发，网络对端可能已经放弃连接，健康检查在下一次探测之前会显示 unhealthy。</translation>
    </message>
    <message>
        <source>{name} exited ({exit}) and will be restarted</source>
        <translation>{name} 已退出（{exit}），即将重启</translation>
    </message>
    <message>
        <source>Its restart policy wants it back. The restart manager waits {backoff} first: the delay starts at 100 ms, doubles after each restart, stops at one minute, and goes back to 100 ms after a run of 10 s or more. Meanwhile there is no process (restarting). Restarts so far: {restarts}.</source>
        <translation>它的重启策略要求把它拉起来。重启管理器先等待 {backoff}：延迟从 100 毫秒开始，每重启一次翻一倍，最多一分钟；只要某次运行了 10 秒或更久，就回到 100 毫秒。等待期间没有进程（restarting，重启中）。目前已重启 {restarts} 次。</translation>
    </message>
    <message>
        <source>{name} exited ({exit}) and is being removed</source>
        <translation>{name} 已退出（{exit}），正在删除</translation>
    </message>
    <message>
        <source>It was run with --rm or removed with rm -f: now that PID 1 is gone, the removal is in progress (removing): the daemon deletes its writable layer and its directory.</source>
        <translation>它是用 --rm 运行的，或者被 rm -f 删除：既然 PID 1 已经结束，删除就开始进行（removing，删除中）：守护进程删除它的可写层和目录。</translation>
    </message>
    <message>
        <source>{name} exited with code {exit}</source>
        <translation>{name} 已退出，退出码 {exit}</translation>
    </message>
    <message>
        <source>PID 1 ended, so the kernel killed every other process of the namespace. A code above 128 usually means a signal ended it: 137 = 128 + 9 (SIGKILL: a stop that timed out, kill, rm -f, the OOM killer), 143 = 128 + 15 (SIGTERM); but a program may also choose such a code itself. 137 alone does not prove an OOM kill: OOMKilled=true does. The writable layer stays until the container is removed.</source>
        <translation>PID 1 结束了，内核随即杀掉该命名空间里的其他所有进程。大于 128 的退出码通常表示进程被信号结束：137 = 128 + 9（SIGKILL：停止超时、kill、rm -f、OOM killer），143 = 128 + 15（SIGTERM）；不过程序也可能自己选用这样的退出码。仅凭 137 不能断定是 OOM，OOMKilled=true 才能证明。可写层会一直保留，直到容器被删除。</translation>
    </message>
    <message>
        <source>{name}&apos;s back-off is over</source>
        <translation>{name} 的退避时间已到</translation>
    </message>
    <message>
        <source>The restart manager&apos;s delay has passed: the daemon starts the process again (docker events: start, without a restart event).</source>
        <translation>重启管理器的延迟已过：守护进程再次启动进程（docker events：start，没有 restart 事件）。</translation>
    </message>
    <message>
        <source>{name} is gone</source>
        <translation>{name} 已删除</translation>
    </message>
    <message>
        <source>Its writable layer and directory are deleted and the daemon forgot it (docker events: destroy). The name is free again.</source>
        <translation>它的可写层和目录已删除，守护进程也不再记得它（docker events：destroy）。这个名称可以再次使用。</translation>
    </message>
    <message>
        <source>{name} is dead: its removal failed</source>
        <translation>{name} 变为 dead：删除失败</translation>
    </message>
    <message>
        <source>The daemon had already marked it dead when deleting its filesystem failed ({error}). This, not a power cut, is where dead comes from. A dead container cannot be started; `docker rm` tries the removal again.</source>
        <translation>守护进程已先把它标记为 dead，随后删除文件系统失败了（{error}）。dead 主要就是这样来的，而不是断电。dead 状态的容器无法启动；`docker rm` 会再次尝试删除。</translation>
    </message>
    <message>
        <source>The OOM killer chose {name}</source>
        <translation>OOM killer 选中了 {name}</translation>
    </message>
    <message>
        <source>The cgroup went over its memory limit and the kernel&apos;s OOM killer sent SIGKILL to a process of it; docker events shows oom. If that process was PID 1 the container dies (die 137, OOMKilled=true); otherwise it keeps running.</source>
        <translation>cgroup 超出了内存限制，内核的 OOM killer 向其中一个进程发送了 SIGKILL；docker events 显示 oom。如果那个进程是 PID 1，容器随之终止（die 137，OOMKilled=true）；否则容器继续运行。</translation>
    </message>
    <message>
        <source>The daemon is shutting down</source>
        <translation>守护进程正在关闭</translation>
    </message>
    <message>
        <source>dockerd stops every running container as docker stop would, with the container&apos;s own stop timeout, but does not mark it as stopped by hand: the restart policy decides after the daemon comes back.</source>
        <translation>dockerd 像 docker stop 一样停止每个运行中的容器，使用容器自己的停止超时，但不会把它记为手动停止：守护进程回来之后，由重启策略决定是否再启动。</translation>
    </message>
    <message>
        <source>{name} is dead: the daemon stopped mid-removal</source>
        <translation>{name} 变为 dead：守护进程在删除途中停止了</translation>
    </message>
    <message>
        <source>dockerd started again and found {name} marked for removal. It does not finish the removal by itself: it marks the container dead, for you to remove.</source>
        <translation>dockerd 重新启动后发现 {name} 已被标记为待删除。它不会自己完成删除，而是把容器标记为 dead，留给你来删除。</translation>
    </message>
    <message>
        <source>The daemon restored {name}</source>
        <translation>守护进程恢复了 {name}</translation>
    </message>
    <message>
        <source>dockerd started again and read its containers back from disk; restart policies (always, unless-stopped, on-failure) decide who runs again.</source>
        <translation>dockerd 重新启动，从磁盘读回它的容器；由重启策略（always、unless-stopped、on-failure）决定哪些容器重新运行。</translation>
    </message>
    <message>
        <source>Docker refused `{command}`: {name} stays {state}</source>
        <translation>Docker 拒绝了 `{command}`：{name} 仍是 {state}</translation>
    </message>
    <message>
        <source>The daemon answers with an error and changes nothing.</source>
        <translation>守护进程返回一个错误，什么也不改变。</translation>
    </message>
    <message>
        <source>`{command}`: nothing to do</source>
        <translation>`{command}`：无事可做</translation>
    </message>
    <message>
        <source>Docker decides by its Running flag: a container without a running process counts as already stopped, and a running or restarting one (Running=true) as already started. So it answers 304 Not Modified, which the CLI counts as success: nothing changes, no event is published.</source>
        <translation>Docker 依据 Running 标志来判断：没有运行中进程的容器算作已经停止，运行中或重启中的容器（Running=true）算作已经启动。所以它返回 304 Not Modified，CLI 把它当作成功：什么也不改变，也不发布事件。</translation>
    </message>
    <message>
        <source>Force-removing {name}: no process to kill</source>
        <translation>强制删除 {name}：没有需要杀掉的进程</translation>
    </message>
    <message>
        <source>The container has no process (created, exited, dead, or restarting between two attempts, whose restart is cancelled), so nothing is killed: the removal starts at once, as with a plain rm.</source>
        <translation>容器没有进程（created、exited、dead，或者处于两次重启之间的 restarting，其重启会被取消），所以不杀任何进程：删除立即开始，和普通的 rm 一样。</translation>
    </message>
    <message>
        <source>A new process in {name}</source>
        <translation>{name} 里多了一个新进程</translation>
    </message>
    <message>
        <source>docker exec starts one more process in the container&apos;s namespaces and cgroup, with the same confinement as PID 1. It is not PID 1: when PID 1 ends, the kernel kills it too. Its output goes to the exec, not to docker logs.</source>
        <translation>docker exec 在容器的命名空间和 cgroup 里再启动一个进程，受到和 PID 1 相同的限制。它不是 PID 1：PID 1 结束时，内核也会把它杀掉。它的输出交给这次 exec，不会出现在 docker logs 里。</translation>
    </message>
    <message>
        <source>The processes of {name}</source>
        <translation>{name} 的进程</translation>
    </message>
    <message>
        <source>docker top runs ps on the host for the PIDs in the container&apos;s cgroup, so the PIDs are host PIDs. It works while the container is paused: frozen processes still exist.</source>
        <translation>docker top 在宿主机上对容器 cgroup 里的 PID 运行 ps，所以显示的是宿主机上的 PID。容器已暂停时它照样可用：被冻结的进程依然存在。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>downloading %1</source>
        <translation>下载中 %1</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>extracting %1</source>
        <translation>解压中 %1</translation>
    </message>
    <message>
        <source>pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>one bar per layer while an image is pulled:
download, then extraction</source>
        <translation>拉取镜像时每层一条进度条：
先下载，再解压</translation>
    </message>
    <message>
        <source>Switch backend</source>
        <translation>切换后端</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RefusalReasons</name>
    <message>
        <source>Only a running container has processes to freeze or signal; this one has none.</source>
        <translation>只有运行中的容器才有可以冻结或接收信号的进程；这个容器一个进程也没有。</translation>
    </message>
    <message>
        <source>The container&apos;s cgroup is already frozen: there is nothing more to pause.</source>
        <translation>容器的 cgroup 已经冻结：没有什么可以再暂停的了。</translation>
    </message>
    <message>
        <source>The restart policy is between two attempts; no process exists until it starts again.</source>
        <translation>重启策略正处在两次尝试之间；在下一次启动之前不存在任何进程。</translation>
    </message>
    <message>
        <source>Unpause thaws a frozen cgroup; this container is not frozen.</source>
        <translation>unpause 用来解冻被冻结的 cgroup；这个容器并没有被冻结。</translation>
    </message>
    <message>
        <source>A paused container&apos;s process still exists, frozen: it needs thawing (unpause), not a new start.</source>
        <translation>已暂停容器的进程仍然存在，只是被冻结了：它需要解冻（unpause），而不是重新启动。</translation>
    </message>
    <message>
        <source>The container is being removed or its removal failed (dead): it can only be removed now.</source>
        <translation>容器正在删除，或删除已失败（dead）：现在只能删除它。</translation>
    </message>
    <message>
        <source>Restart stops and starts again, but a container marked for removal can no longer start.</source>
        <translation>restart 是先停止再启动，但已标记为待删除的容器不能再启动。</translation>
    </message>
    <message>
        <source>Kill sends a signal to the container&apos;s process, and no process is running.</source>
        <translation>kill 是向容器的进程发送信号，而现在没有进程在运行。</translation>
    </message>
    <message>
        <source>Removing would delete the filesystem under a live process: stop it first, or use rm -f, which kills it.</source>
        <translation>删除会把文件系统从活着的进程脚下删掉：请先停止它，或者用 rm -f，它会杀掉进程。</translation>
    </message>
    <message>
        <source>A paused container still has its processes (Running=true): Docker will not delete a filesystem under them. Unpause and stop it, or use rm -f.</source>
        <translation>已暂停的容器仍然有进程（Running=true）：Docker 不会在它们还在时删除文件系统。请先 unpause 再 stop，或者用 rm -f。</translation>
    </message>
    <message>
        <source>The restart policy may start the process again at any moment: stop the container first, or use rm -f.</source>
        <translation>重启策略随时可能再次启动进程：请先停止容器，或者用 rm -f。</translation>
    </message>
    <message>
        <source>Another removal of this container is already under way.</source>
        <translation>这个容器已经有另一个删除操作在进行。</translation>
    </message>
    <message>
        <source>The kernel&apos;s cgroup freezer could not freeze the container&apos;s tasks.</source>
        <translation>内核的 cgroup 冻结器无法冻结容器的任务。</translation>
    </message>
    <message>
        <source>The kernel&apos;s cgroup freezer could not thaw the container&apos;s tasks.</source>
        <translation>内核的 cgroup 冻结器无法解冻容器的任务。</translation>
    </message>
    <message>
        <source>The runtime could not start the container&apos;s process (the command is missing or not executable, for instance).</source>
        <translation>运行时无法启动容器的进程（比如命令不存在或不可执行）。</translation>
    </message>
    <message>
        <source>The container stopped, but its process could not be started again.</source>
        <translation>容器已停止，但它的进程无法再次启动。</translation>
    </message>
    <message>
        <source>Deleting the container&apos;s filesystem failed: Docker marks it dead, and only another rm can clear it.</source>
        <translation>删除容器的文件系统失败了：Docker 把它标记为 dead，只有再执行一次 rm 才能清除它。</translation>
    </message>
    <message>
        <source>The transition table has no row for this: a bug in the lab, not Docker.</source>
        <translation>状态转换表里没有对应的行：这是本实验的缺陷，不是 Docker 的行为。</translation>
    </message>
    <message>
        <source>Every task of a paused container is frozen: a new process started in it could not run either. Unpause it first.</source>
        <translation>已暂停容器的所有任务都被冻结了：在里面启动的新进程同样无法运行。请先 unpause。</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>(no container)</source>
        <translation>（尚无容器）</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>removing</source>
        <translation>删除中</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>lab::AnimationDialog</name>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Lifecycle diagram</source>
        <translation>生命周期图</translation>
    </message>
    <message>
        <source>Run flowchart</source>
        <translation>运行流程图</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>Animated GIF (.gif)</source>
        <translation>GIF 动画 (.gif)</translation>
    </message>
    <message>
        <source>WebM video, VP8 (.webm)</source>
        <translation>WebM 视频，VP8 (.webm)</translation>
    </message>
    <message>
        <source>MP4 video, H.264 (.mp4)</source>
        <translation>MP4 视频，H.264 (.mp4)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>画面：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Steps from, to:</source>
        <translation>步骤从、到：</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Frames a second:</source>
        <translation>每秒帧数：</translation>
    </message>
    <message>
        <source>Width, height (pixels):</source>
        <translation>宽、高（像素）：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>lab::AnimationExportAction</name>
    <message>
        <source>Export &amp;animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <source>The session as an animated GIF or a video, for slides</source>
        <translation>把会话导出为 GIF 动画或视频，用于幻灯片</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Nothing to animate yet: no step taken</source>
        <translation>还没有可做成动画的内容：尚无任何步骤</translation>
    </message>
    <message>
        <source>This engine cannot save its session</source>
        <translation>这个引擎无法保存它的会话</translation>
    </message>
</context>
<context>
    <name>lab::ArchitectureView</name>
    <message>
        <source>docker CLI (client)</source>
        <translation>docker CLI（客户端）</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix 套接字</translation>
    </message>
    <message>
        <source>dockerd (daemon)</source>
        <translation>dockerd（守护进程）</translation>
    </message>
    <message>
        <source>registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>runtime (containerd, runc)</source>
        <translation>运行时（containerd、runc）</translation>
    </message>
    <message>
        <source>kernel (namespaces, cgroups)</source>
        <translation>内核（命名空间、cgroups）</translation>
    </message>
    <message>
        <source>lab: the Console dock,
or a docker in your terminal</source>
        <translation>实验室：控制台面板，
或你终端里的 docker</translation>
    </message>
    <message>
        <source>lab: not served (Engine menu);
the console calls the engine</source>
        <translation>实验室：未开启（引擎菜单）；
控制台直接调用引擎</translation>
    </message>
    <message>
        <source>lab: %1 (real, for your
terminal; the console skips it)</source>
        <translation>实验室：%1（真实，供你的
终端使用；控制台不经过它）</translation>
    </message>
    <message>
        <source>lab: the engine&apos;s state machines
(Docker&apos;s rules, simulated)</source>
        <translation>实验室：引擎的状态机
（Docker 的规则，模拟）</translation>
    </message>
    <message>
        <source>lab: the world&apos;s registries
(simulated, nothing downloaded)</source>
        <translation>实验室：世界里的镜像仓库
（模拟，不下载任何东西）</translation>
    </message>
    <message>
        <source>lab: the real backend
(clone, exec, signals: real)</source>
        <translation>实验室：真实后端
（clone、exec、信号：真实）</translation>
    </message>
    <message>
        <source>lab: simulated processes
(on a virtual clock)</source>
        <translation>实验室：模拟的进程
（在虚拟时钟上）</translation>
    </message>
    <message>
        <source>lab: this machine&apos;s kernel
(namespaces, cgroups: real)</source>
        <translation>实验室：本机的内核
（命名空间、cgroups：真实）</translation>
    </message>
    <message>
        <source>lab: none (simulation);
the real backend uses it</source>
        <translation>实验室：无（模拟）；
真实后端才使用它</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>No request yet: type a docker command, or serve the socket and use your own docker</source>
        <translation>还没有请求：输入一条 docker 命令，或开启套接字后使用你自己的 docker</translation>
    </message>
    <message>
        <source>Requests (newest last):</source>
        <translation>请求（最新的在最后）：</translation>
    </message>
    <message>
        <source>socket: </source>
        <translation>套接字：</translation>
    </message>
    <message>
        <source>console: </source>
        <translation>控制台：</translation>
    </message>
</context>
<context>
    <name>lab::CommandBar</name>
    <message>
        <source>Container commands</source>
        <translation>容器命令</translation>
    </message>
    <message>
        <source>docker %1</source>
        <translation>docker %1</translation>
    </message>
    <message>
        <source>Select a container first</source>
        <translation>请先选择一个容器</translation>
    </message>
    <message>
        <source>refused by Docker</source>
        <translation>会被 Docker 拒绝</translation>
    </message>
    <message>
        <source>docker %1 %2</source>
        <translation>docker %1 %2</translation>
    </message>
</context>
<context>
    <name>lab::ConsolePanel</name>
    <message>
        <source>Console output</source>
        <translation>控制台输出</translation>
    </message>
    <message>
        <source>docker run -d --name web busybox sleep 300   (help lists the commands)</source>
        <translation>docker run -d --name web busybox sleep 300   （输入 help 列出命令）</translation>
    </message>
    <message>
        <source>Docker command line</source>
        <translation>Docker 命令行</translation>
    </message>
    <message>
        <source>(close the window to leave)</source>
        <translation>（关闭窗口即可退出）</translation>
    </message>
    <message>
        <source>(not run: the command above still waits; Ctrl-C in the console interrupts it)</source>
        <translation>（未运行：上面的命令还在等待；在控制台按 Ctrl-C 可中断它）</translation>
    </message>
    <message>
        <source>(engine time +%1 s)</source>
        <translation>（引擎时间 +%1 秒）</translation>
    </message>
</context>
<context>
    <name>lab::ContainerTable</name>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
</context>
<context>
    <name>lab::ContainerTableModel</name>
    <message>
        <source>NAMES</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>EXIT CODE</source>
        <translation>退出码</translation>
    </message>
</context>
<context>
    <name>lab::DisplayModes</name>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
    <message>
        <source>Show the &amp;panels</source>
        <translation>显示面板(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen: the drawing alone, large type, thick lines (F11)</source>
        <translation>全屏：只显示图示，大字号、粗线条（F11）</translation>
    </message>
    <message>
        <source>In presenter mode: show or hide the console, the table and the other panels around the drawing (F9)</source>
        <translation>演示模式下：显示或隐藏图示周围的控制台、表格和其他面板（F9）</translation>
    </message>
</context>
<context>
    <name>lab::EventLogPanel</name>
    <message>
        <source>Docker events</source>
        <translation>Docker 事件</translation>
    </message>
    <message>
        <source>Hover an event for its full line, as docker events prints it</source>
        <translation>把鼠标悬停在事件上，可查看 docker events 打印的完整一行</translation>
    </message>
</context>
<context>
    <name>lab::ExplanationPanel</name>
    <message>
        <source>Explanation</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>What just happened to the selected container, and why</source>
        <translation>所选容器刚刚发生了什么，以及为什么</translation>
    </message>
    <message>
        <source>Run a container (type `docker run -d --name web busybox sleep 300` in the console) and every step it takes is explained here.</source>
        <translation>运行一个容器（在控制台输入 `docker run -d --name web busybox sleep 300`），它的每一步都会在这里讲解。</translation>
    </message>
    <message>
        <source>The steps so far</source>
        <translation>到目前为止的步骤</translation>
    </message>
    <message>
        <source>Kernel operations</source>
        <translation>内核操作</translation>
    </message>
    <message>
        <source>The steps so far, each with its kernel operations</source>
        <translation>到目前为止的步骤，每一步下列出它的内核操作</translation>
    </message>
</context>
<context>
    <name>lab::FaultMenu</name>
    <message>
        <source>F&amp;aults</source>
        <translation>故障(&amp;A)</translation>
    </message>
    <message>
        <source>Make the next &amp;removal fail</source>
        <translation>让下一次删除失败(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;OOM kill the selected container</source>
        <translation>让 OOM killer 杀掉所选容器(&amp;O)</translation>
    </message>
    <message>
        <source>Restart the &amp;daemon</source>
        <translation>重启守护进程(&amp;D)</translation>
    </message>
    <message>
        <source>The next rm fails to delete the filesystem: the container ends dead</source>
        <translation>下一次 rm 删除文件系统时会失败：容器最终变为 dead</translation>
    </message>
    <message>
        <source>Select a running container first</source>
        <translation>请先选择一个运行中的容器</translation>
    </message>
    <message>
        <source>The kernel&apos;s OOM killer kills %1&apos;s process: exit 137, then its restart policy decides</source>
        <translation>内核的 OOM killer 杀掉 %1 的进程：退出码 137，之后由它的重启策略决定</translation>
    </message>
    <message>
        <source>The daemon is restarting: it waits for its containers to stop</source>
        <translation>守护进程正在重启：它在等待自己的容器停止</translation>
    </message>
    <message>
        <source>dockerd stops every container and starts again: a container being removed ends dead, restart policies bring others back</source>
        <translation>dockerd 停止所有容器后重新启动：正在删除的容器最终变为 dead，其他容器由重启策略决定是否拉起</translation>
    </message>
</context>
<context>
    <name>lab::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>A card of every key the window knows</source>
        <translation>一张列出窗口所有按键的卡片</translation>
    </message>
    <message>
        <source>The words of the lab and of Docker, explained</source>
        <translation>本实验和 Docker 的术语解释</translation>
    </message>
    <message>
        <source>About Container Lifecycle Lab</source>
        <translation>关于容器生命周期实验室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Container Lifecycle Lab %1&lt;/h3&gt;&lt;p&gt;How a Docker container lives: the lifecycle diagram is drawn from the lifecycle machine&apos;s transition table (Boost.MSM), and every command runs on Docker&apos;s own rules.&lt;/p&gt;&lt;p&gt;Backend in use: &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The simulation behaves as Docker Engine 20.10 on a virtual clock; the real backend runs containers as processes in namespaces and cgroups.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;容器生命周期实验室 %1&lt;/h3&gt;&lt;p&gt;展示 Docker 容器如何生存：生命周期状态图由生命周期状态机的状态转换表（Boost.MSM）绘制，每条命令都按 Docker 自己的规则运行。&lt;/p&gt;&lt;p&gt;当前后端：&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;模拟后端在虚拟时钟上表现得和 Docker Engine 20.10 一样；真实后端把容器作为命名空间和 cgroup 中的进程来运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>lab::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Bilingual (中文 + English state names)</source>
        <translation>双语（中文 + 英文状态名）(&amp;B)</translation>
    </message>
</context>
<context>
    <name>lab::LessonCourse</name>
    <message>
        <source>This lesson needs the real backend (Engine &gt; Backend &gt; Real).</source>
        <translation>本课需要真实后端（引擎 &gt; 后端 &gt; 真实）。</translation>
    </message>
    <message>
        <source>This lesson runs on the simulation (Engine &gt; Backend &gt; Simulation): its answers are computed there.</source>
        <translation>本课在模拟后端上运行（引擎 &gt; 后端 &gt; 模拟）：答案是在那里计算出来的。</translation>
    </message>
</context>
<context>
    <name>lab::LessonsPanel</name>
    <message>
        <source>&amp;Start here</source>
        <translation>从这里开始(&amp;S)</translation>
    </message>
    <message>
        <source>Teacher mode</source>
        <translation>教师模式</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>For projection: the answer to a prediction shows only when you press Show the answer</source>
        <translation>用于投影：只有按下“显示答案”后，预测的答案才会显示</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程内容</translation>
    </message>
    <message>
        <source>Switch backend for this lesson</source>
        <translation>为本课切换后端</translation>
    </message>
    <message>
        <source>Start the lesson</source>
        <translation>开始本课</translation>
    </message>
    <message>
        <source>Start the lesson over from its world and seed</source>
        <translation>从本课的初始环境和随机种子重新开始</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <source>Open a lesson file</source>
        <translation>打开课程文件</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>课程 (*.json)</translation>
    </message>
    <message>
        <source>The backend this lesson needs cannot open here: %1</source>
        <translation>本课需要的后端无法在这里打开：%1</translation>
    </message>
    <message>
        <source>  [real backend]</source>
        <translation>  [真实后端]</translation>
    </message>
    <message>
        <source>Welcome! This lab shows how a Docker container lives, on a simulated Docker engine. The lessons start here: each step explains, runs docker commands in the console below and asks what you expect before it shows what happened.</source>
        <translation>欢迎！本实验在一个模拟的 Docker 引擎上展示 Docker 容器如何生存。课程从这里开始：每一步都会先讲解，在下方的控制台里运行 docker 命令，并在揭示结果之前先问你预计会发生什么。</translation>
    </message>
    <message>
        <source>Continue at step %1</source>
        <translation>从第 %1 步继续</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Switch to the real backend</source>
        <translation>切换到真实后端</translation>
    </message>
    <message>
        <source>Switch to the simulation</source>
        <translation>切换到模拟后端</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Run the commands above first</source>
        <translation>请先运行上面的命令</translation>
    </message>
    <message>
        <source>Type and run it in the console</source>
        <translation>在控制台中输入并运行它</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>The playback has not shown everything yet</source>
        <translation>回放还没有显示全部内容</translation>
    </message>
    <message>
        <source>Run the commands; every check must hold</source>
        <translation>运行这些命令；每一项检查都必须通过</translation>
    </message>
    <message>
        <source>Lesson complete. Well done!</source>
        <translation>本课完成，做得好！</translation>
    </message>
    <message>
        <source>Next lesson ▶</source>
        <translation>下一课 ▶</translation>
    </message>
</context>
<context>
    <name>lab::LifecycleDiagram</name>
    <message>
        <source>Lifecycle diagram</source>
        <translation>生命周期图</translation>
    </message>
    <message>
        <source>The seven container states and every transition of Docker&apos;s lifecycle</source>
        <translation>容器的七种状态，以及 Docker 生命周期中的每一条状态转换</translation>
    </message>
    <message>
        <source>Edges: the commands · the outcome the engine reported (italic) · ⚑ the Docker events published.
Refusals and silent no-ops (start on running, stop on exited) do not move a container: they are not edges.</source>
        <translation>连线：命令 · 引擎报告的结果（斜体） · ⚑ 发布的 Docker 事件。
被拒绝的命令和无声的空操作（对运行中的容器 start、对已退出的容器 stop）不会改变容器状态，因此不画成连线。</translation>
    </message>
    <message>
        <source>SIG%1 sent, SIGKILL after %2 s unless it exits</source>
        <translation>已发送 SIG%1，若 %2 秒内未退出则发送 SIGKILL</translation>
    </message>
    <message>
        <source>signal %1 (SIG%2) sent to PID 1</source>
        <translation>已向 PID 1 发送信号 %1（SIG%2）</translation>
    </message>
    <message>
        <source>the process exited with code %1</source>
        <translation>进程退出，退出码 %1</translation>
    </message>
    <message>
        <source>docker %1 %2 — </source>
        <translation>docker %1 %2 — </translation>
    </message>
    <message>
        <source>✗ %1%2
Why: %3</source>
        <translation>✗ %1%2
原因：%3</translation>
    </message>
    <message>
        <source>  ·  SIGKILL in %1 s (engine time)</source>
        <translation>  ·  %1 秒后发送 SIGKILL（引擎时间）</translation>
    </message>
    <message>
        <source>The container lifecycle</source>
        <translation>容器生命周期</translation>
    </message>
</context>
<context>
    <name>lab::MainWindow</name>
    <message>
        <source>Drawings</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>&amp;Lifecycle</source>
        <translation>生命周期(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Run flow</source>
        <translation>运行流程(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Export diagram…</source>
        <translation>导出状态图(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>导出状态图</translation>
    </message>
    <message>
        <source>Export &amp;flowchart…</source>
        <translation>导出流程图(&amp;F)…</translation>
    </message>
    <message>
        <source>Export the flowchart</source>
        <translation>导出流程图</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Real (root)</source>
        <translation>真实（root）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>引擎(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Backend</source>
        <translation>后端(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Container Lifecycle Lab — %1</source>
        <translation>容器生命周期实验室 — %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>后端：%1</translation>
    </message>
    <message>
        <source>Backend in use</source>
        <translation>当前后端</translation>
    </message>
    <message>
        <source>Containers are real processes in namespaces and cgroups</source>
        <translation>容器是运行在命名空间和 cgroup 中的真实进程</translation>
    </message>
    <message>
        <source>Containers are simulated on a virtual clock</source>
        <translation>容器在虚拟时钟上模拟运行</translation>
    </message>
    <message>
        <source>SVG (*.svg);;PNG (*.png)</source>
        <translation>SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <source>A command still waits in the console: Ctrl-C ends it</source>
        <translation>控制台里还有一条命令在等待：按 Ctrl-C 可结束它</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Archi&amp;tecture</source>
        <translation>架构(&amp;T)</translation>
    </message>
</context>
<context>
    <name>lab::PageDock</name>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Reference page</source>
        <translation>参考页面</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Click a state or an arrow of the lifecycle diagram to read about it; a refused command opens its reason here.</source>
        <translation>点击生命周期图上的状态或箭头即可阅读相关说明；命令被拒绝时，原因也会显示在这里。</translation>
    </message>
</context>
<context>
    <name>lab::Playback</name>
    <message>
        <source>Real containers live on the wall clock: their steps show as they happen</source>
        <translation>真实容器按墙上时钟运行：它们的每一步在发生时立即显示</translation>
    </message>
    <message>
        <source>Nothing is due: every container waits for a command</source>
        <translation>没有待发生的事：每个容器都在等待命令</translation>
    </message>
    <message>
        <source>Nothing to step back to: no step shown yet</source>
        <translation>无法后退：还没有显示任何步骤</translation>
    </message>
    <message>
        <source>Held before the next step until the lesson lets it show</source>
        <translation>停在下一步之前，直到课程允许显示它</translation>
    </message>
    <message>
        <source>Nothing to catch up: the window shows the engine&apos;s latest step</source>
        <translation>无需追赶：窗口显示的已是引擎的最新一步</translation>
    </message>
    <message>
        <source>No recorded session is playing: commands run live</source>
        <translation>没有正在回放的录制会话：命令实时运行</translation>
    </message>
    <message>
        <source>This session was recorded on real containers: it replays what their kernel did, and cannot go on live</source>
        <translation>这个会话录制自真实容器：回放的是当时内核所做的事，无法从这里继续实时运行</translation>
    </message>
</context>
<context>
    <name>lab::PlaybackBar</name>
    <message>
        <source>Playback</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>◀ Step back</source>
        <translation>◀ 后退一步</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>前进一步 ▶</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Engine speed</source>
        <translation>引擎速度</translation>
    </message>
    <message>
        <source>Engine seconds per wall-clock second</source>
        <translation>每一秒真实时间对应的引擎秒数</translation>
    </message>
    <message>
        <source>Engine clock</source>
        <translation>引擎时钟</translation>
    </message>
    <message>
        <source>The engine time the window shows (the simulated daemon&apos;s clock)</source>
        <translation>窗口显示的引擎时间（模拟守护进程的时钟）</translation>
    </message>
    <message>
        <source>Real containers live on the wall clock: their time cannot be paused or sped up</source>
        <translation>真实容器按墙上时钟运行：它们的时间不能暂停，也不能加速</translation>
    </message>
    <message>
        <source>Engine time: the wall clock (real backend)</source>
        <translation>引擎时间：墙上时钟（真实后端）</translation>
    </message>
    <message>
        <source> engine time %1 UTC</source>
        <translation> 引擎时间 %1 UTC</translation>
    </message>
    <message>
        <source>Pause and show the next engine step (Right arrow)</source>
        <translation>暂停并显示下一个引擎步骤（右方向键）</translation>
    </message>
    <message>
        <source>Replay the engine to the step before (Left arrow)</source>
        <translation>把引擎重放到上一步（左方向键）</translation>
    </message>
    <message>
        <source>Start again on a fresh engine: every container is forgotten</source>
        <translation>在全新的引擎上重新开始：所有容器都会被清除</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Let engine time run again (Space)</source>
        <translation>让引擎时间重新走动（空格键）</translation>
    </message>
    <message>
        <source>Freeze engine time (Space)</source>
        <translation>冻结引擎时间（空格键）</translation>
    </message>
    <message>
        <source>Catch up ▶▶</source>
        <translation>追上 ▶▶</translation>
    </message>
    <message numerus="yes">
        <source>  ·  engine +%n step(s) / +%1 s</source>
        <translation>
            <numerusform>  ·  引擎 +%n 步 / +%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>  ·  held</source>
        <translation>  ·  暂缓显示</translation>
    </message>
    <message>
        <source>Show every step the engine has taken, at once (Ctrl+End)</source>
        <translation>立即显示引擎已走过的所有步骤（Ctrl+End）</translation>
    </message>
    <message>
        <source>Continue live from here</source>
        <translation>从此处继续实时运行</translation>
    </message>
    <message>
        <source>  ·  playing a recorded session</source>
        <translation>  ·  正在回放录制的会话</translation>
    </message>
    <message>
        <source>Replay the recorded commands up to the step shown on a fresh engine, then take commands from there</source>
        <translation>在全新的引擎上重放录制的命令，直到所显示的步骤，然后从那里接受命令</translation>
    </message>
    <message>
        <source>Back to the start of the recorded session</source>
        <translation>回到录制会话的开头</translation>
    </message>
</context>
<context>
    <name>lab::PredictBox</name>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Show the answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>答案：%1</translation>
    </message>
    <message>
        <source>The command is typed in the console: it runs when you answer.</source>
        <translation>命令已输入到控制台：你作答后它就会运行。</translation>
    </message>
    <message>
        <source>Answer before the commands run: nothing shows their result yet.</source>
        <translation>请在命令运行之前作答：现在还看不到它们的结果。</translation>
    </message>
    <message>
        <source>Your class has seen it happen: show the answer when ready.</source>
        <translation>全班已经看到了结果：准备好后就显示答案。</translation>
    </message>
    <message>
        <source>Your prediction is in: run the commands and watch.</source>
        <translation>你的预测已记下：运行命令，看看会发生什么。</translation>
    </message>
    <message>
        <source>✓ Right.</source>
        <translation>✓ 正确。</translation>
    </message>
    <message>
        <source>✗ Not quite: the answer is %1.</source>
        <translation>✗ 不太对：答案是 %1。</translation>
    </message>
</context>
<context>
    <name>lab::RecordedSession</name>
    <message>
        <source>Real containers live on the wall clock: real time cannot be rewound</source>
        <translation>真实容器按墙上时钟运行：真实时间无法倒回</translation>
    </message>
    <message>
        <source>A command still waits in the console: Ctrl-C there ends it</source>
        <translation>控制台里还有一条命令在等待：在那里按 Ctrl-C 可结束它</translation>
    </message>
    <message>
        <source>a recorded session is playing back: choose Engine &gt; Continue live from here to run commands</source>
        <translation>正在回放录制的会话：选择“引擎 &gt; 从此处继续实时运行”后才能运行命令</translation>
    </message>
</context>
<context>
    <name>lab::ResourceChart</name>
    <message>
        <source>Resource use</source>
        <translation>资源使用</translation>
    </message>
    <message>
        <source>The selected container&apos;s CPU time and memory, read from its cgroups twice a second</source>
        <translation>所选容器的 CPU 时间和内存，每秒从它的 cgroup 读取两次</translation>
    </message>
    <message>
        <source>CPU time (s)</source>
        <translation>CPU 时间（秒）</translation>
    </message>
    <message>
        <source>memory (MiB)</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>CPU s</source>
        <translation>CPU 秒</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Select a container to see its resource use</source>
        <translation>选择一个容器以查看它的资源使用</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n 个进程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::RunFlowChart</name>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>Run flowchart</source>
        <translation>运行流程图</translation>
    </message>
    <message>
        <source>The steps of docker run, create and pull, drawn from the run-flow machine&apos;s table. Arrows: the outcome of a step · [the options that choose the way].
The latest command&apos;s path lights up as engine time passes; a pull shows one bar per layer: download (blue), then extraction (green).</source>
        <translation>docker run、create 和 pull 的各个步骤，根据运行流程状态机的转换表绘制。箭头：某一步的结果 · [决定走向的选项]。
随着引擎时间推进，最近一条命令走过的路径会亮起；拉取镜像时每层一条进度条：先下载（蓝色），再解压（绿色）。</translation>
    </message>
    <message>
        <source>The docker run flow</source>
        <translation>docker run 流程</translation>
    </message>
    <message>
        <source>No docker run, create or pull yet</source>
        <translation>还没有执行过 docker run、create 或 pull</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Who does each step (the stripe on its left):</source>
        <translation>每一步由谁完成（方框左侧的色条）：</translation>
    </message>
</context>
<context>
    <name>lab::SessionActions</name>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Play back a saved session: step through it, then continue live</source>
        <translation>回放已保存的会话：逐步查看，然后继续实时运行</translation>
    </message>
    <message>
        <source>Save the world, the seed and every command, to replay anywhere</source>
        <translation>保存世界、种子和每条命令，以便在任何地方重放</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Lab sessions (*.json)</source>
        <translation>实验会话 (*.json)</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Real containers run in this window: switch to Engine &gt; Backend &gt; Simulation first, then open the session</source>
        <translation>本窗口正在运行真实容器：请先切换到 引擎 &gt; 后端 &gt; 模拟，再打开会话</translation>
    </message>
    <message>
        <source>This engine cannot save its session</source>
        <translation>这个引擎无法保存它的会话</translation>
    </message>
</context>
<context>
    <name>lab::SocketControls</name>
    <message>
        <source>Serve Docker API &amp;socket</source>
        <translation>提供 Docker API 套接字(&amp;S)</translation>
    </message>
    <message>
        <source>Lets a docker command in a terminal drive this window&apos;s engine</source>
        <translation>让终端里的 docker 命令驱动本窗口的引擎</translation>
    </message>
    <message>
        <source>Docker API socket</source>
        <translation>Docker API 套接字</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Socket: &lt;a href=&quot;copy&quot;&gt;%1&lt;/a&gt; · clients: %2</source>
        <translation>套接字：&lt;a href=&quot;copy&quot;&gt;%1&lt;/a&gt; · 客户端：%2</translation>
    </message>
    <message>
        <source>In a terminal: %1 (click to copy)</source>
        <translation>在终端中：%1（点击复制）</translation>
    </message>
</context>
<context>
    <name>lab::TimelineChart</name>
    <message>
        <source>State timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <source>One band per container, coloured by its state, over the last minute of engine time</source>
        <translation>每个容器一条色带，颜色表示状态，显示最近一分钟的引擎时间</translation>
    </message>
    <message>
        <source>engine seconds</source>
        <translation>引擎秒</translation>
    </message>
    <message>
        <source>%1: %2 from %3 s to %4 s</source>
        <translation>%1：%2，从 %3 秒到 %4 秒</translation>
    </message>
</context>
<context>
    <name>lab::TokenLegendItem</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::ZoomActions</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Enlarge the drawing (Ctrl and the mouse wheel too; drag to pan)</source>
        <translation>放大图示（也可以按住 Ctrl 滚动鼠标滚轮；拖动可平移）</translation>
    </message>
    <message>
        <source>Shrink the drawing</source>
        <translation>缩小图示</translation>
    </message>
    <message>
        <source>Show the whole drawing, as large as the window allows</source>
        <translation>在窗口允许的范围内尽量放大，显示整个图示</translation>
    </message>
</context>
</TS>
