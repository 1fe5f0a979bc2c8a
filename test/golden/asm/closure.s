TEXT main.main (./test.go:1)  size=105 frame=32 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 d8                 lea rax, [rsp - 40]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 3d 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 20                    sub rsp, 32
.L0:
    ; ./test.go:8
    001c  48 8d 1d 00 00 00 00           lea rbx, [rip + main.main.func1·f]
    0023  4c 8d 24 24                    lea r12, [rsp]
    0027  49 c7 c5 05 00 00 00           mov r13, 5
    002e  4d 89 2c 24                    mov qword ptr [r12], r13
    0032  4c 89 65 f8                    mov qword ptr [rbp - 8], r12
    0036  48 89 da                       mov rdx, rbx
    0039  ff 12                          call qword ptr [rdx]
    003b  4c 8b 65 f8                    mov r12, qword ptr [rbp - 8]
    003f  49 8b 5c 24 08                 mov rbx, qword ptr [r12 + 8]
    0044  48 89 df                       mov rdi, rbx
    0047  e8 00 00 00 00                 call test_record
    004c  48 89 ec                       mov rsp, rbp
    004f  5d                             pop rbp
    0050  c3                             ret
.L2:
    ; ./test.go:1
    0051  49 c7 c2 28 00 00 00           mov r10, 40
    0058  49 c7 c3 00 00 00 00           mov r11, 0
    005f  e8 00 00 00 00                 call g1c_morestack
    0064  e9 97 ff ff ff                 jmp .L1

TEXT main.main.func1 (./test.go:1)  size=94 frame=16 args=16
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 32 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
    001c  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    0020  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0024  48 89 c3                       mov rbx, rax
    0027  48 8b 5b 08                    mov rbx, qword ptr [rbx + 8]
    002b  4c 8d 65 10                    lea r12, [rbp + 16]
    002f  4d 8b 2c 24                    mov r13, qword ptr [r12]
    0033  4c 89 e8                       mov rax, r13
    0036  48 01 d8                       add rax, rbx
    0039  48 89 c3                       mov rbx, rax
    003c  49 89 5c 24 08                 mov qword ptr [r12 + 8], rbx
    0041  48 89 ec                       mov rsp, rbp
    0044  5d                             pop rbp
    0045  c3                             ret
.L2:
    ; ./test.go:1
    0046  49 c7 c2 18 00 00 00           mov r10, 24
    004d  49 c7 c3 10 00 00 00           mov r11, 16
    0054  e8 00 00 00 00                 call g1c_morestack
    0059  e9 a2 ff ff ff                 jmp .L1

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
