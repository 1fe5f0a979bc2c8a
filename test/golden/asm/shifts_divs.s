TEXT main.ops (./test.go:1)  size=236 frame=0 args=32
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 f8                 lea rax, [rsp - 8]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 c2 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
.L0:
    ; ./test.go:20
    0016  8b 5d 10                       mov ebx, dword ptr [rbp + 16]
    0019  44 8b 65 14                    mov r12d, dword ptr [rbp + 20]
    ; ./test.go:21
    001d  44 89 e1                       mov ecx, r12d
    0020  48 89 d8                       mov rax, rbx
    0023  48 d3 e0                       shl rax, cl
    0026  31 d2                          xor edx, edx
    0028  48 83 f9 20                    cmp rcx, 32
    002c  48 0f 43 c2                    cmovae rax, rdx
    0030  49 89 c5                       mov r13, rax
    0033  44 89 6d 18                    mov dword ptr [rbp + 24], r13d
    ; ./test.go:22
    0037  44 89 e1                       mov ecx, r12d
    003a  48 63 c3                       movsxd rax, ebx
    003d  ba 3f 00 00 00                 mov edx, 63
    0042  48 83 f9 3f                    cmp rcx, 63
    0046  48 0f 47 ca                    cmova rcx, rdx
    004a  48 d3 f8                       sar rax, cl
    004d  49 89 c5                       mov r13, rax
    0050  44 89 6d 1c                    mov dword ptr [rbp + 28], r13d
    ; ./test.go:23
    0054  44 89 e1                       mov ecx, r12d
    0057  89 d8                          mov eax, ebx
    0059  48 d3 e8                       shr rax, cl
    005c  31 d2                          xor edx, edx
    005e  48 83 f9 20                    cmp rcx, 32
    0062  48 0f 43 c2                    cmovae rax, rdx
    0066  49 89 c5                       mov r13, rax
    0069  44 89 6d 20                    mov dword ptr [rbp + 32], r13d
    ; ./test.go:24
    006d  48 63 c3                       movsxd rax, ebx
    0070  49 63 cc                       movsxd rcx, r12d
    0073  48 99                          cqo
    0075  48 f7 f9                       idiv rcx
.L3:
    0078  49 89 c5                       mov r13, rax
    007b  44 89 6d 24                    mov dword ptr [rbp + 36], r13d
    ; ./test.go:25
    007f  48 63 c3                       movsxd rax, ebx
    0082  49 63 cc                       movsxd rcx, r12d
    0085  48 99                          cqo
    0087  48 f7 f9                       idiv rcx
    008a  48 89 d0                       mov rax, rdx
.L4:
    008d  49 89 c5                       mov r13, rax
    0090  44 89 6d 28                    mov dword ptr [rbp + 40], r13d
    ; ./test.go:26
    0094  89 d8                          mov eax, ebx
    0096  44 89 e1                       mov ecx, r12d
    0099  31 d2                          xor edx, edx
    009b  48 f7 f1                       div rcx
    009e  49 89 c4                       mov r12, rax
    00a1  44 89 65 2c                    mov dword ptr [rbp + 44], r12d
    00a5  48 63 c3                       movsxd rax, ebx
    00a8  48 89 c3                       mov rbx, rax
    ; ./test.go:30
    00ab  48 89 d8                       mov rax, rbx
    00ae  48 89 d9                       mov rcx, rbx
    00b1  48 83 f9 ff                    cmp rcx, -1
    00b5  0f 85 08 00 00 00              jne .L6
    00bb  48 f7 d8                       neg rax
    00be  e9 05 00 00 00                 jmp .L5
.L6:
    00c3  48 99                          cqo
    00c5  48 f7 f9                       idiv rcx
.L5:
    00c8  48 89 c3                       mov rbx, rax
    00cb  48 89 5d 10                    mov qword ptr [rbp + 16], rbx
    00cf  48 89 ec                       mov rsp, rbp
    00d2  5d                             pop rbp
    00d3  c3                             ret
.L2:
    ; ./test.go:1
    00d4  49 c7 c2 08 00 00 00           mov r10, 8
    00db  49 c7 c3 20 00 00 00           mov r11, 32
    00e2  e8 00 00 00 00                 call g1c_morestack
    00e7  e9 14 ff ff ff                 jmp .L1

