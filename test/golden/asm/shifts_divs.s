TEXT main.ops (./test.go:1)  size=243 frame=0 args=32
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 f8                 lea rax, [rsp - 8]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 c7 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
.L0:
    ; ./test.go:20
    0018  48 8d 5d 10                    lea rbx, [rbp + 16]
    001c  44 8b 23                       mov r12d, dword ptr [rbx]
    001f  44 8b 6b 04                    mov r13d, dword ptr [rbx + 4]
    ; ./test.go:21
    0023  44 89 e9                       mov ecx, r13d
    0026  4c 89 e0                       mov rax, r12
    0029  48 d3 e0                       shl rax, cl
    002c  31 d2                          xor edx, edx
    002e  48 83 f9 20                    cmp rcx, 32
    0032  48 0f 43 c2                    cmovae rax, rdx
    0036  49 89 c6                       mov r14, rax
    0039  44 89 73 08                    mov dword ptr [rbx + 8], r14d
    ; ./test.go:22
    003d  44 89 e9                       mov ecx, r13d
    0040  49 63 c4                       movsxd rax, r12d
    0043  ba 3f 00 00 00                 mov edx, 63
    0048  48 83 f9 3f                    cmp rcx, 63
    004c  48 0f 47 ca                    cmova rcx, rdx
    0050  48 d3 f8                       sar rax, cl
    0053  49 89 c6                       mov r14, rax
    0056  44 89 73 0c                    mov dword ptr [rbx + 12], r14d
    ; ./test.go:23
    005a  44 89 e9                       mov ecx, r13d
    005d  44 89 e0                       mov eax, r12d
    0060  48 d3 e8                       shr rax, cl
    0063  31 d2                          xor edx, edx
    0065  48 83 f9 20                    cmp rcx, 32
    0069  48 0f 43 c2                    cmovae rax, rdx
    006d  49 89 c6                       mov r14, rax
    0070  44 89 73 10                    mov dword ptr [rbx + 16], r14d
    ; ./test.go:24
    0074  49 63 c4                       movsxd rax, r12d
    0077  49 63 cd                       movsxd rcx, r13d
    007a  48 99                          cqo
    007c  48 f7 f9                       idiv rcx
.L3:
    007f  49 89 c6                       mov r14, rax
    0082  44 89 73 14                    mov dword ptr [rbx + 20], r14d
    ; ./test.go:25
    0086  49 63 c4                       movsxd rax, r12d
    0089  49 63 cd                       movsxd rcx, r13d
    008c  48 99                          cqo
    008e  48 f7 f9                       idiv rcx
    0091  48 89 d0                       mov rax, rdx
.L4:
    0094  49 89 c6                       mov r14, rax
    0097  44 89 73 18                    mov dword ptr [rbx + 24], r14d
    ; ./test.go:26
    009b  44 89 e0                       mov eax, r12d
    009e  44 89 e9                       mov ecx, r13d
    00a1  31 d2                          xor edx, edx
    00a3  48 f7 f1                       div rcx
    00a6  49 89 c5                       mov r13, rax
    00a9  44 89 6b 1c                    mov dword ptr [rbx + 28], r13d
    00ad  49 63 c4                       movsxd rax, r12d
    00b0  49 89 c4                       mov r12, rax
    ; ./test.go:30
    00b3  4c 89 e0                       mov rax, r12
    00b6  4c 89 e1                       mov rcx, r12
    00b9  48 83 f9 ff                    cmp rcx, -1
    00bd  0f 85 08 00 00 00              jne .L6
    00c3  48 f7 d8                       neg rax
    00c6  e9 05 00 00 00                 jmp .L5
.L6:
    00cb  48 99                          cqo
    00cd  48 f7 f9                       idiv rcx
.L5:
    00d0  49 89 c4                       mov r12, rax
    00d3  4c 89 23                       mov qword ptr [rbx], r12
    00d6  48 89 ec                       mov rsp, rbp
    00d9  5d                             pop rbp
    00da  c3                             ret
.L2:
    ; ./test.go:1
    00db  49 c7 c2 08 00 00 00           mov r10, 8
    00e2  49 c7 c3 20 00 00 00           mov r11, 32
    00e9  e8 00 00 00 00                 call g1c_morestack
    00ee  e9 0d ff ff ff                 jmp .L1

