TEXT main.main (./test.go:1)  size=93 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 31 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:8
    001c  48 8d 1d 00 00 00 00           lea rbx, [rip + main.main.func1·f]
    0023  49 c7 c4 05 00 00 00           mov r12, 5
    002a  4c 89 24 24                    mov qword ptr [rsp], r12
    002e  48 89 da                       mov rdx, rbx
    0031  ff 12                          call qword ptr [rdx]
    0033  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    0038  48 89 df                       mov rdi, rbx
    003b  e8 00 00 00 00                 call test_record
    0040  48 89 ec                       mov rsp, rbp
    0043  5d                             pop rbp
    0044  c3                             ret
.L2:
    ; ./test.go:1
    0045  49 c7 c2 18 00 00 00           mov r10, 24
    004c  49 c7 c3 00 00 00 00           mov r11, 0
    0053  e8 00 00 00 00                 call g1c_morestack
    0058  e9 a3 ff ff ff                 jmp .L1

TEXT main.main.func1 (./test.go:1)  size=83 frame=16 args=16
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 27 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
    001c  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    0020  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0024  48 89 c3                       mov rbx, rax
    0027  48 8b 5b 08                    mov rbx, qword ptr [rbx + 8]
    002b  4c 8b 65 10                    mov r12, qword ptr [rbp + 16]
    002f  4c 01 e3                       add rbx, r12
    0032  48 89 5d 18                    mov qword ptr [rbp + 24], rbx
    0036  48 89 ec                       mov rsp, rbp
    0039  5d                             pop rbp
    003a  c3                             ret
.L2:
    ; ./test.go:1
    003b  49 c7 c2 18 00 00 00           mov r10, 24
    0042  49 c7 c3 10 00 00 00           mov r11, 16
    0049  e8 00 00 00 00                 call g1c_morestack
    004e  e9 ad ff ff ff                 jmp .L1

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
