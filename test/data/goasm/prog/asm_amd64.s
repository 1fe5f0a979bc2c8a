#include "textflag.h"

#define ARG(n) n+0(FP)

// add returns a + b.
TEXT ·add(SB), NOSPLIT, $0-24
	MOVQ a+0(FP), AX
	ADDQ b+8(FP), AX
	MOVQ AX, ret+16(FP)
	RET

TEXT ·sum(SB), NOSPLIT, $0-32
	MOVQ xs_base+0(FP), SI
	MOVQ xs_len+8(FP), CX
	XORL AX, AX
	XORL DX, DX
loop:
	CMPQ DX, CX
	JGE done
	ADDQ (SI)(DX*8), AX
	INCQ DX
	JMP loop
done:
	MOVQ AX, ret+24(FP)
	RET

// callTwice calls the Go function double twice, through a frame of its own.
TEXT ·callTwice(SB), $16-16
	MOVQ x+0(FP), AX
	MOVQ AX, 0(SP)
	CALL ·double(SB)
	MOVQ 8(SP), AX
	MOVQ AX, 0(SP)
	CALL ·double(SB)
	MOVQ 8(SP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·tableAt(SB), NOSPLIT, $0-12
	MOVQ i+0(FP), CX
	LEAQ table<>(SB), AX
	MOVL (AX)(CX*4), AX
	MOVL AX, ret+8(FP)
	RET

TEXT ·cpuidMax(SB), NOSPLIT, $0-4
	XORL AX, AX
	XORL CX, CX
	CPUID
	MOVL AX, ret+0(FP)
	RET

DATA table<>+0(SB)/4, $7
DATA table<>+4(SB)/4, $(1<<10)
DATA table<>+8(SB)/4, $'z'
GLOBL table<>(SB), RODATA, $12
