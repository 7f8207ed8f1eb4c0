"""Qt-free printing: PDF print hints and handing finished PDFs to the system's spooler.

The print dialog stays in `studio/ui/`; what it chose (a queue, copies, duplex) comes here.
"""
