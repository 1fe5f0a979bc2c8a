TEXT main.ops (./test.go:1)  size=241 frame=0 args=32
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 f8                 lea rax, [rsp - 8]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 c7 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
.L0:
    ; ./test.go:20
    0016  48 8d 5d 10                    lea rbx, [rbp + 16]
    001a  44 8b 23                       mov r12d, dword ptr [rbx]
    001d  44 8b 6b 04                    mov r13d, dword ptr [rbx + 4]
    ; ./test.go:21
    0021  44 89 e9                       mov ecx, r13d
    0024  4c 89 e0                       mov rax, r12
    0027  48 d3 e0                       shl rax, cl
    002a  31 d2                          xor edx, edx
    002c  48 83 f9 20                    cmp rcx, 32
    0030  48 0f 43 c2                    cmovae rax, rdx
    0034  49 89 c6                       mov r14, rax
    0037  44 89 73 08                    mov dword ptr [rbx + 8], r14d
    ; ./test.go:22
    003b  44 89 e9                       mov ecx, r13d
    003e  49 63 c4                       movsxd rax, r12d
    0041  ba 3f 00 00 00                 mov edx, 63
    0046  48 83 f9 3f                    cmp rcx, 63
    004a  48 0f 47 ca                    cmova rcx, rdx
    004e  48 d3 f8                       sar rax, cl
    0051  49 89 c6                       mov r14, rax
    0054  44 89 73 0c                    mov dword ptr [rbx + 12], r14d
    ; ./test.go:23
    0058  44 89 e9                       mov ecx, r13d
    005b  44 89 e0                       mov eax, r12d
    005e  48 d3 e8                       shr rax, cl
    0061  31 d2                          xor edx, edx
    0063  48 83 f9 20                    cmp rcx, 32
    0067  48 0f 43 c2                    cmovae rax, rdx
    006b  49 89 c6                       mov r14, rax
    006e  44 89 73 10                    mov dword ptr [rbx + 16], r14d
    ; ./test.go:24
    0072  49 63 c4                       movsxd rax, r12d
    0075  49 63 cd                       movsxd rcx, r13d
    0078  48 99                          cqo
    007a  48 f7 f9                       idiv rcx
.L3:
    007d  49 89 c6                       mov r14, rax
    0080  44 89 73 14                    mov dword ptr [rbx + 20], r14d
    ; ./test.go:25
    0084  49 63 c4                       movsxd rax, r12d
    0087  49 63 cd                       movsxd rcx, r13d
    008a  48 99                          cqo
    008c  48 f7 f9                       idiv rcx
    008f  48 89 d0                       mov rax, rdx
.L4:
    0092  49 89 c6                       mov r14, rax
    0095  44 89 73 18                    mov dword ptr [rbx + 24], r14d
    ; ./test.go:26
    0099  44 89 e0                       mov eax, r12d
    009c  44 89 e9                       mov ecx, r13d
    009f  31 d2                          xor edx, edx
    00a1  48 f7 f1                       div rcx
    00a4  49 89 c5                       mov r13, rax
    00a7  44 89 6b 1c                    mov dword ptr [rbx + 28], r13d
    00ab  49 63 c4                       movsxd rax, r12d
    00ae  49 89 c4                       mov r12, rax
    ; ./test.go:30
    00b1  4c 89 e0                       mov rax, r12
    00b4  4c 89 e1                       mov rcx, r12
    00b7  48 83 f9 ff                    cmp rcx, -1
    00bb  0f 85 08 00 00 00              jne .L6
    00c1  48 f7 d8                       neg rax
    00c4  e9 05 00 00 00                 jmp .L5
.L6:
    00c9  48 99                          cqo
    00cb  48 f7 f9                       idiv rcx
.L5:
    00ce  49 89 c4                       mov r12, rax
    00d1  4c 89 23                       mov qword ptr [rbx], r12
    00d4  48 89 ec                       mov rsp, rbp
    00d7  5d                             pop rbp
    00d8  c3                             ret
.L2:
    ; ./test.go:1
    00d9  49 c7 c2 08 00 00 00           mov r10, 8
    00e0  49 c7 c3 20 00 00 00           mov r11, 32
    00e7  e8 00 00 00 00                 call g1c_morestack
    00ec  e9 0f ff ff ff                 jmp .L1

