// docker diff, commit, tag, rmi and container prune on the simulated engine, through the docker
// CLI: what a container's shell writes and deletes, an image made of it that runs, Docker's
// conflict rules for rmi, and what prune removes and counts. Docker's exact words for the
// recorded cases are held by the golden transcript 13-diff-commit-images.
#include "EngineFixture.h"

#include <QtTest>

using lab::test::EngineFixture;

namespace {

QString text(const std::vector<std::string>& lines) {
    return QString::fromStdString(EngineFixture::join(lines));
}

std::string imageIdOf(EngineFixture& lab, const std::string& reference) {
    auto image = lab.engine.findImage(reference);
    return image ? (*image)->id : std::string();
}

std::string containerIdOf(EngineFixture& lab, const std::string& name) {
    auto container = lab.engine.find(name);
    return container ? (*container)->id : std::string();
}

} // namespace

class ImageCommandsTest : public QObject {
    Q_OBJECT
private slots:
    void diffListsWhatTheShellWroteAndDeleted();
    void theWritableLayerOutlivesARestart();
    void writesThatCannotHappenSayWhy();
    void aFullLayerRefusesTheWrite();
    void commitMakesAnImageThatRunsWithTheFiles();
    void commitOfAnUnchangedContainerAddsNoLayer();
    void anImageWithoutANameRunsByItsId();
    void rmiOfANameAnotherNameSharesOnlyUntags();
    void rmiRefusesTheLastNameOfAnImageInUse();
    void rmiByIdFollowsTheRunningAndStoppedRules();
    void rmiOfACommittedImageDeletesItsOwnLayerOnly();
    void pruneRemovesEveryStoppedContainerAndCountsTheirLayers();
};

void ImageCommandsTest::diffListsWhatTheShellWroteAndDeleted() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run --name writer busybox sh -c 'echo a > /tmp/new; echo b >> /tmp/new; "
                        "echo c > /etc/passwd; rm /bin/false; echo d > /tmp/gone; rm /tmp/gone'")
                 .status,
             0);
    // A file made and deleted again leaves nothing; an image file overwritten is C, but its
    // directory's entries did not change.
    QCOMPARE(lab.out("diff writer"),
             QString("C /bin\nD /bin/false\nC /etc/passwd\nC /tmp\nA /tmp/new"));
    QCOMPARE(lab.out("create --name fresh busybox true").size(), 64);
    QCOMPARE(lab.out("diff fresh"), QString());
    const auto missing = lab.docker("diff nosuch");
    QCOMPARE(missing.status, 1);
    QCOMPARE(text(missing.err), QString("Error response from daemon: No such container: nosuch"));
}

void ImageCommandsTest::theWritableLayerOutlivesARestart() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name writer busybox sh -c 'cat /tmp/count; echo x >> /tmp/count; "
                        "sleep 100'")
                 .status,
             0);
    QCOMPARE(lab.docker("restart -t 0 writer").status, 0);
    QCOMPARE(lab.out("exec writer cat /tmp/count"), QString("x\nx"));
    // what an exec'd process writes is the container's too
    QCOMPARE(lab.docker("exec writer sh -c 'echo y > /tmp/exec'").status, 0);
    QCOMPARE(lab.out("diff writer"), QString("C /tmp\nA /tmp/count\nA /tmp/exec"));
}

void ImageCommandsTest::writesThatCannotHappenSayWhy() {
    EngineFixture lab;
    const auto noDirectory = lab.docker("run busybox sh -c 'echo x > /nosuch/file'");
    QCOMPARE(noDirectory.status, 1);
    QCOMPARE(text(noDirectory.err),
             QString("sh: can't create /nosuch/file: nonexistent directory"));
    const auto directory = lab.docker("run busybox sh -c 'echo x > /tmp'");
    QCOMPARE(text(directory.err), QString("sh: can't create /tmp: Is a directory"));
    const auto removed = lab.docker("run busybox rm /tmp /nosuch");
    QCOMPARE(removed.status, 1);
    QCOMPARE(text(removed.err), QString("rm: can't remove '/tmp': Is a directory\n"
                                        "rm: can't remove '/nosuch': No such file or directory"));
    QCOMPARE(lab.docker("run busybox rm -f /nosuch").status, 0);
    const auto applet = lab.docker("run busybox busybox nosuch");
    QCOMPARE(applet.status, 127);
    QCOMPARE(text(applet.err), QString("nosuch: applet not found"));
}

void ImageCommandsTest::aFullLayerRefusesTheWrite() {
    EngineFixture lab;
    // Appends of 2, 4, ... 2^24 bytes fit; the one of 2^25 would pass the layer's budget.
    const auto full = lab.docker("run --name filler busybox sh -c 'x=a; i=0; "
                                 "while [ $i -lt 25 ]; do x=$x$x; i=$((i+1)); echo $x >> /tmp/f; "
                                 "done; echo ended'");
    QCOMPARE(text(full.err), QString("write error: No space left on device (the simulation's "
                                     "limit is 67108864)"));
    QCOMPARE(text(full.out), QString("ended"));
    QCOMPARE(lab.out("diff filler"), QString("C /tmp\nA /tmp/f"));
    QCOMPARE(lab.docker("run --rm busybox sh -c 'echo fits > /tmp/f; cat /tmp/f'").status, 0);
}

void ImageCommandsTest::commitMakesAnImageThatRunsWithTheFiles() {
    EngineFixture lab;
    QCOMPARE(
        lab.docker("run --name writer busybox sh -c 'echo hello > /tmp/greeting; rm /bin/false; "
                   "echo done'")
            .status,
        0);
    const QString id = lab.out("commit writer lab/greeting:v1");
    QVERIFY2(QRegularExpression("^sha256:[0-9a-f]{64}$").match(id).hasMatch(), qPrintable(id));
    QCOMPARE(id.toStdString(), imageIdOf(lab, "lab/greeting:v1"));
    QCOMPARE(lab.out("run --rm lab/greeting:v1 cat /tmp/greeting"), QString("hello"));
    const auto deleted = lab.docker("run --rm lab/greeting:v1 cat /bin/false");
    QCOMPARE(deleted.status, 1);
    QCOMPARE(text(deleted.err), QString("cat: can't open '/bin/false': No such file or directory"));
    // The container's command became the image's: run without one, it runs the script again,
    // and the file it deleted is gone already.
    const auto again = lab.docker("run --rm lab/greeting:v1");
    QCOMPARE(text(again.out), QString("done"));
    QCOMPARE(text(again.err), QString("rm: can't remove '/bin/false': No such file or directory"));
    QCOMPARE(lab.out("images --format '{{.Repository}}:{{.Tag}} {{.Size}}' lab/greeting"),
             QString("lab/greeting:v1 2MB"));
    QCOMPARE(text(lab.docker("commit writer BAD").err),
             QString("invalid reference format: repository name (library/BAD) must be lowercase"));
    QCOMPARE(text(lab.docker("commit").err).section('\n', 0, 0),
             QString("docker: 'docker commit' requires at least 1 and at most 2 arguments"));
}

void ImageCommandsTest::commitOfAnUnchangedContainerAddsNoLayer() {
    EngineFixture lab;
    QCOMPARE(lab.docker("create --name fresh busybox true").status, 0);
    QCOMPARE(lab.docker("run busybox sleep 1").status, 0); // newer than busybox, listed first
    const QString id = lab.out("commit fresh");
    const lab::Image* image = lab.engine.images().findById(id.toStdString());
    QVERIFY(image);
    const lab::Image* base = lab.engine.images().findById(imageIdOf(lab, "busybox"));
    QVERIFY(image != base);
    QCOMPARE(image->layerDigests, base->layerDigests);
    // Without a name it is listed as <none>.
    QCOMPARE(lab.out("images --format '{{.Repository}}:{{.Tag}} {{.ID}}'"),
             "<none>:<none> " + id.mid(7, 12) + "\nbusybox:latest " +
                 QString::fromStdString(base->id.substr(7, 12)));
}

void ImageCommandsTest::anImageWithoutANameRunsByItsId() {
    EngineFixture lab;
    QCOMPARE(lab.docker("create --name fresh busybox echo committed").status, 0);
    const QString id = lab.out("commit fresh");
    // GetImage: "sha256:..." and a short ID name the image, though both parse as references.
    for (const QString& typed : {id, id.mid(7, 12)})
        QCOMPARE(lab.out("run --rm " + typed.toStdString()), QString("committed"));
    const auto missing = lab.docker("run --rm 0123456789ab");
    QCOMPARE(missing.status, 125);
    QVERIFY2(text(missing.err).startsWith("Unable to find image '0123456789ab:latest' locally"),
             qPrintable(text(missing.err)));
}

void ImageCommandsTest::rmiOfANameAnotherNameSharesOnlyUntags() {
    EngineFixture lab;
    QCOMPARE(lab.docker("tag busybox lab/box:1").status, 0);
    QCOMPARE(lab.docker("tag busybox lab/box:2").status, 0);
    QCOMPARE(lab.docker("run -d --name user lab/box:1 sleep 100").status, 0);
    // Another name holds the image: the name goes, the image and its users stay.
    QCOMPARE(lab.out("rmi lab/box:1"), QString("Untagged: lab/box:1"));
    QCOMPARE(lab.out("rmi lab/box:2"), QString("Untagged: lab/box:2"));
    // Its user's name for it no longer names it: ps shows the image's ID.
    QCOMPARE(lab.out("ps --format '{{.Image}}'"),
             QString::fromStdString(imageIdOf(lab, "busybox").substr(7, 12)));
    const auto missing = lab.docker("tag nosuch lab/x");
    QCOMPARE(text(missing.err),
             QString("Error response from daemon: No such image: nosuch:latest"));
}

void ImageCommandsTest::rmiRefusesTheLastNameOfAnImageInUse() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run --name user busybox true").status, 0); // exited: still a user
    const std::string image = imageIdOf(lab, "busybox");
    const auto refused = lab.docker("rmi busybox");
    QCOMPARE(refused.status, 1);
    QCOMPARE(text(refused.err),
             QString::fromStdString(
                 "Error response from daemon: conflict: unable to remove repository reference "
                 "\"busybox\" (must force) - container " +
                 containerIdOf(lab, "user").substr(0, 12) + " is using its referenced image " +
                 image.substr(7, 12)));
    QCOMPARE(lab.out("images -q"), QString::fromStdString(image.substr(7, 12)));
    // Forced, with a stopped user: the name goes and the image with it.
    const QStringList forced = lab.out("rmi -f busybox").split('\n');
    QCOMPARE(forced.size(), 3); // the name, the image, its one layer
    QCOMPARE(forced[0], QString("Untagged: busybox:latest"));
    QCOMPARE(forced[1], QString::fromStdString("Deleted: " + image));
    QCOMPARE(lab.out("images -q"), QString());
}

void ImageCommandsTest::rmiByIdFollowsTheRunningAndStoppedRules() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name user busybox sleep 100").status, 0);
    const std::string image = imageIdOf(lab, "busybox");
    const std::string user = containerIdOf(lab, "user").substr(0, 12);
    const std::string shortImage = image.substr(7, 12);
    const auto conflict = [&](const std::string& why) {
        return QString::fromStdString("Error response from daemon: conflict: unable to delete " +
                                      shortImage + why + user);
    };
    QCOMPARE(text(lab.docker("rmi -f " + shortImage).err),
             conflict(" (cannot be forced) - image is being used by running container "));
    QCOMPARE(lab.docker("stop -t 0 user").status, 0);
    QCOMPARE(text(lab.docker("rmi " + shortImage).err),
             conflict(" (must be forced) - image is being used by stopped container "));
    QCOMPARE(lab.docker("tag busybox other").status, 0);
    const auto named = lab.docker("rmi -f " + shortImage); // every name goes with it
    QCOMPARE(text(named.out).section('\n', 0, 2),
             QString::fromStdString("Untagged: busybox:latest\nUntagged: other:latest\nDeleted: " +
                                    image));
    QCOMPARE(lab.out("ps -a --format '{{.Image}}'"), QString::fromStdString(shortImage));
}

void ImageCommandsTest::rmiOfACommittedImageDeletesItsOwnLayerOnly() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run --name writer busybox sh -c 'echo hello > /tmp/greeting'").status, 0);
    const std::string id = lab.out("commit writer mine").toStdString();
    const std::vector<std::string> layers = lab.engine.images().findById(id)->layerDigests;
    QCOMPARE(layers.size(), std::size_t(2));
    // The base image has a child now: by ID it cannot go, even forced.
    const std::string base = imageIdOf(lab, "busybox");
    QVERIFY(text(lab.docker("rmi -f " + base).err)
                .endsWith("(cannot be forced) - image has dependent child images"));
    QCOMPARE(lab.out("rmi mine"), QString::fromStdString("Untagged: mine:latest\nDeleted: " + id +
                                                         "\nDeleted: " + layers.back()));
    QCOMPARE(lab.out("images -q"), QString::fromStdString(base.substr(7, 12)));
    QCOMPARE(text(lab.docker("rmi").err).section('\n', 0, 0),
             QString("docker: 'docker rmi' requires at least 1 argument"));
}

void ImageCommandsTest::pruneRemovesEveryStoppedContainerAndCountsTheirLayers() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run --name wrote busybox sh -c 'echo hello > /tmp/greeting'").status, 0);
    QCOMPARE(lab.docker("create --name fresh busybox true").status, 0);
    QCOMPARE(lab.docker("run -d --name up busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("run -d --name frozen busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("pause frozen").status, 0);
    const std::string fresh = containerIdOf(lab, "fresh");
    const std::string wrote = containerIdOf(lab, "wrote");
    QCOMPARE(lab.docker("container prune").status, 1); // it would ask first
    const std::size_t events = lab.engine.events().size();
    // Newest first; "hello\n" is what the layers held.
    QCOMPARE(lab.out("container prune -f"),
             QString::fromStdString("Deleted Containers:\n" + fresh + "\n" + wrote +
                                    "\n\nTotal reclaimed space: 6B"));
    QCOMPARE(lab.actionsSince(events), QString("destroy destroy prune"));
    QCOMPARE(lab.out("ps -a --format '{{.Names}}'"), QString("frozen\nup"));
    QCOMPARE(lab.out("container prune -f"), QString("Total reclaimed space: 0B"));
    QCOMPARE(text(lab.docker("prune -f").err).section('\n', 0, 0),
             QString("docker: unknown command: docker prune"));
}

QTEST_GUILESS_MAIN(ImageCommandsTest)
#include "tst_image_commands.moc"
