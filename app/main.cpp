// lifecycle-lab: the one executable. For now its only mode is the console; the desktop GUI
// will be the mode without arguments once it exists.
#include "console/Console.h"
#include "console/ConsoleOptions.h"

#include <iostream>

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const lab::Expected<lab::Invocation> invocation = lab::parseInvocation(arguments);
    if (!invocation) {
        std::cerr << "lifecycle-lab: " << invocation.error().message << '\n'
                  << lab::usageLine().toStdString() << std::endl;
        return 2;
    }
    switch (invocation->mode) {
    case lab::Invocation::Mode::Help:
        std::cout << lab::helpText().toStdString();
        return 0;
    case lab::Invocation::Mode::Version:
        std::cout << "lifecycle-lab " LAB_VERSION << std::endl;
        return 0;
    case lab::Invocation::Mode::Console:
        break;
    }
    return lab::runConsole(invocation->console);
}
