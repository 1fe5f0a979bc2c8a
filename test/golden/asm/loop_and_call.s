TEXT main.main (./test.go:1)  size=183 frame=80 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 a8                 lea rax, [rsp - 88]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 8d 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 50                    sub rsp, 80
.L0:
    ; ./test.go:10
    001a  48 8d 04 24                    lea rax, [rsp]
    001e  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0022  48 c7 c0 0a 00 00 00           mov rax, 10
    0029  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    002d  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0031  48 8b 45 f0                    mov rax, qword ptr [rbp - 16]
    0035  48 89 01                       mov qword ptr [rcx], rax
    0038  e8 00 00 00 00                 call main.sum
    003d  48 8d 44 24 08                 lea rax, [rsp + 8]
    0042  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0046  48 8b 4d e8                    mov rcx, qword ptr [rbp - 24]
    004a  48 8b 01                       mov rax, qword ptr [rcx]
    004d  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    0051  48 8b 7d e0                    mov rdi, qword ptr [rbp - 32]
    0055  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    005a  48 8d 04 24                    lea rax, [rsp]
    005e  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0062  48 c7 c0 fd ff ff ff           mov rax, -3
    0069  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    006d  48 8b 4d d8                    mov rcx, qword ptr [rbp - 40]
    0071  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    0075  48 89 01                       mov qword ptr [rcx], rax
    0078  e8 00 00 00 00                 call main.sum
    007d  48 8d 44 24 08                 lea rax, [rsp + 8]
    0082  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    0086  48 8b 4d c8                    mov rcx, qword ptr [rbp - 56]
    008a  48 8b 01                       mov rax, qword ptr [rcx]
    008d  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    0091  48 8b 7d c0                    mov rdi, qword ptr [rbp - 64]
    0095  e8 00 00 00 00                 call test_record
    009a  48 89 ec                       mov rsp, rbp
    009d  5d                             pop rbp
    009e  c3                             ret
.L2:
    ; ./test.go:1
    009f  49 c7 c2 58 00 00 00           mov r10, 88
    00a6  49 c7 c3 00 00 00 00           mov r11, 0
    00ad  e8 00 00 00 00                 call g1c_morestack
    00b2  e9 49 ff ff ff                 jmp .L1

TEXT main.sum (./test.go:1)  size=291 frame=128 args=16
.L4:
    ; ./test.go:1
    0000  48 8d 84 24 78 ff ff ff        lea rax, [rsp - 136]
    0008  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000f  0f 82 f6 00 00 00              jb .L5
    0015  55                             push rbp
    0016  48 89 e5                       mov rbp, rsp
    0019  48 81 ec 80 00 00 00           sub rsp, 128
.L0:
    ; ./test.go:2
    0020  48 8d 45 88                    lea rax, [rbp - 120]
    0024  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0028  48 8d 45 80                    lea rax, [rbp - 128]
    002c  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    0030  48 c7 c0 00 00 00 00           mov rax, 0
    0037  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    003b  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    003f  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    0043  48 89 01                       mov qword ptr [rcx], rax
    ; ./test.go:3
    0046  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    004a  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    004e  48 89 01                       mov qword ptr [rcx], rax
.L1:
    0051  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0055  48 8b 01                       mov rax, qword ptr [rcx]
    0058  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    005c  48 8d 45 10                    lea rax, [rbp + 16]
    0060  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0064  48 8b 4d d8                    mov rcx, qword ptr [rbp - 40]
    0068  48 8b 01                       mov rax, qword ptr [rcx]
    006b  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    006f  48 8b 45 e0                    mov rax, qword ptr [rbp - 32]
    0073  48 8b 4d d0                    mov rcx, qword ptr [rbp - 48]
    0077  48 39 c8                       cmp rax, rcx
    007a  0f 9c c0                       setl al
    007d  0f b6 c0                       movzx eax, al
    0080  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    0084  80 7d c8 00                    cmp byte ptr [rbp - 56], 0
    0088  0f 84 5a 00 00 00              je .L3
.L2:
    ; ./test.go:4
    008e  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    0092  48 8b 01                       mov rax, qword ptr [rcx]
    0095  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    0099  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    009d  48 8b 01                       mov rax, qword ptr [rcx]
    00a0  48 89 45 b8                    mov qword ptr [rbp - 72], rax
    00a4  48 8b 45 c0                    mov rax, qword ptr [rbp - 64]
    00a8  48 8b 4d b8                    mov rcx, qword ptr [rbp - 72]
    00ac  48 01 c8                       add rax, rcx
    00af  48 89 45 b0                    mov qword ptr [rbp - 80], rax
    00b3  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    00b7  48 8b 45 b0                    mov rax, qword ptr [rbp - 80]
    00bb  48 89 01                       mov qword ptr [rcx], rax
    ; ./test.go:3
    00be  48 c7 c0 01 00 00 00           mov rax, 1
    00c5  48 89 45 a8                    mov qword ptr [rbp - 88], rax
    00c9  48 8b 45 b8                    mov rax, qword ptr [rbp - 72]
    00cd  48 8b 4d a8                    mov rcx, qword ptr [rbp - 88]
    00d1  48 01 c8                       add rax, rcx
    00d4  48 89 45 a0                    mov qword ptr [rbp - 96], rax
    00d8  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00dc  48 8b 45 a0                    mov rax, qword ptr [rbp - 96]
    00e0  48 89 01                       mov qword ptr [rcx], rax
    00e3  e9 69 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    00e8  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    00ec  48 8b 01                       mov rax, qword ptr [rcx]
    00ef  48 89 45 98                    mov qword ptr [rbp - 104], rax
    00f3  48 8d 45 18                    lea rax, [rbp + 24]
    00f7  48 89 45 90                    mov qword ptr [rbp - 112], rax
    00fb  48 8b 4d 90                    mov rcx, qword ptr [rbp - 112]
    00ff  48 8b 45 98                    mov rax, qword ptr [rbp - 104]
    0103  48 89 01                       mov qword ptr [rcx], rax
    0106  48 89 ec                       mov rsp, rbp
    0109  5d                             pop rbp
    010a  c3                             ret
.L5:
    ; ./test.go:1
    010b  49 c7 c2 88 00 00 00           mov r10, 136
    0112  49 c7 c3 10 00 00 00           mov r11, 16
    0119  e8 00 00 00 00                 call g1c_morestack
    011e  e9 dd fe ff ff                 jmp .L4

