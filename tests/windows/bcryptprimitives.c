/* A stand-in for bcryptprimitives.dll, used only when the Windows build is run under
 * wine 8 in tests: wine 8 lacks ProcessPrng, which Rust's standard library imports for
 * its random numbers (HashMap keys). Real Windows 10/11 have it; this file is never
 * shipped. It fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * wine implements. Built by tests/windows.rs with x86_64-w64-mingw32-gcc. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
